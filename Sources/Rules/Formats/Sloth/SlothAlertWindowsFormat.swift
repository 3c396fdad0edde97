/// Sloth's alert-window catalog, `apiVersion: sloth.slok.dev/v1`, `kind: AlertWindows`: the page
/// and ticket windows (quick and slow) for one SLO period, each as a share of the error budget
/// spent within a long window, checked over a short one.
enum SlothAlertWindowsFormat {
    /// Loads one catalog into `catalogs`. A second catalog for the same period is an error unless
    /// it is identical (then a warning), as in Sloth.
    static func load(_ document: YAMLDocument, into catalogs: inout [AlertWindowCatalog], diagnostics: inout Diagnostics) {
        guard let root = document.root,
              var reader = MappingReader(root, what: "AlertWindows", diagnostics: &diagnostics)
        else { return }
        _ = reader.value("apiVersion") // checked by DocumentFormat
        _ = reader.value("kind")
        reader.ignore("metadata")
        if var spec = reader.mapping("spec", what: "AlertWindows spec", required: true, diagnostics: &diagnostics),
           let catalog = read(&spec, location: root.location, diagnostics: &diagnostics) {
            add(catalog, at: spec.node["sloPeriod"]?.location ?? root.location, to: &catalogs, diagnostics: &diagnostics)
        }
        reader.finish(diagnostics: &diagnostics)
    }

    private static func read(_ spec: inout MappingReader, location: SourceLocation, diagnostics: inout Diagnostics) -> AlertWindowCatalog? {
        let period = spec.promDuration("sloPeriod", required: true, diagnostics: &diagnostics)?.duration
        var windows: [AlertWindow?] = []
        for severity in AlertSeverity.allCases {
            var group = spec.mapping(severity.rawValue, what: "AlertWindows spec.\(severity.rawValue)", required: true, diagnostics: &diagnostics)
            for speed in ["quick", "slow"] {
                guard var window = group?.mapping(speed, what: "AlertWindows spec.\(severity.rawValue).\(speed)", required: true, diagnostics: &diagnostics) else {
                    windows.append(nil)
                    continue
                }
                windows.append(readWindow(&window, severity: severity, period: period, diagnostics: &diagnostics))
            }
            group?.finish(diagnostics: &diagnostics)
        }
        spec.finish(diagnostics: &diagnostics)
        let found = windows.compactMap { $0 }
        guard let period, found.count == 4 else { return nil }
        return AlertWindowCatalog(
            period: period, pageQuick: found[0], pageSlow: found[1], ticketQuick: found[2], ticketSlow: found[3],
            location: location
        )
    }

    private static func readWindow(
        _ reader: inout MappingReader, severity: AlertSeverity, period: Duration?, diagnostics: inout Diagnostics
    ) -> AlertWindow? {
        let percent = reader.double("errorBudgetPercent", required: true, diagnostics: &diagnostics)
        if let percent, !(percent > 0 && percent <= 100), let node = reader.node["errorBudgetPercent"] {
            diagnostics.error(node.location, "\(reader.what): errorBudgetPercent must be greater than 0 and at most 100, got \(node.scalar ?? "")")
        }
        let short = reader.promDuration("shortWindow", required: true, diagnostics: &diagnostics)
        let long = reader.promDuration("longWindow", required: true, diagnostics: &diagnostics)
        if let short, let long, short.duration >= long.duration {
            diagnostics.error(short.node.location, "\(reader.what): shortWindow \(short.node.scalar ?? "") must be shorter than longWindow \(long.node.scalar ?? "")")
        }
        reader.finish(diagnostics: &diagnostics)
        guard let percent, percent > 0, percent <= 100, let short, let long, short.duration < long.duration, let period else {
            return nil
        }
        return AlertWindowCatalog.window(
            severity: severity, budgetPercent: percent, short: short.duration, long: long.duration, period: period
        )
    }

    private static func add(
        _ catalog: AlertWindowCatalog, at location: SourceLocation, to catalogs: inout [AlertWindowCatalog], diagnostics: inout Diagnostics
    ) {
        guard let existing = catalogs.first(where: { $0.period == catalog.period }) else {
            catalogs.append(catalog)
            return
        }
        let period = PromQLBridge.format(catalog.period)
        let first = existing.location.map { " at \($0)" } ?? ""
        if existing.hasSameWindows(as: catalog) {
            diagnostics.warning(location, "AlertWindows: an identical catalog for period \(period) was already loaded\(first); this one is ignored")
        } else {
            diagnostics.error(location, "AlertWindows: a different catalog for period \(period) was already loaded\(first); keep one catalog per period")
        }
    }
}
