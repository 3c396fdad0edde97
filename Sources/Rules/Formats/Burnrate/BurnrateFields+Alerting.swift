extension BurnrateFields {
    /// Reads `alerting.no_data: {for: 10m}`: alert when the SLI's series are absent that long.
    static func noData(from reader: inout MappingReader, diagnostics: inout Diagnostics) -> Duration? {
        guard var noData = reader.mapping("no_data", what: "\(reader.what).no_data", diagnostics: &diagnostics) else { return nil }
        let duration = noData.promDuration("for", required: true, diagnostics: &diagnostics)?.duration
        noData.finish(diagnostics: &diagnostics)
        return duration
    }

    /// Reads `alerting.windows`: custom burn-rate conditions `{severity, short, long, factor}`, or
    /// `budget_percent` instead of `factor` (converted as Sloth converts its catalogs:
    /// percent × period hours / 100 / long-window hours). Nil when absent: the period's catalog applies.
    static func windows(
        from reader: inout MappingReader, period: SLOPeriod, alerting: SLOAlerting, diagnostics: inout Diagnostics
    ) -> [AlertWindow]? {
        guard let items = reader.sequence("windows", diagnostics: &diagnostics) else { return nil }
        let listNode = reader.node["windows"]
        guard !items.isEmpty else {
            diagnostics.error(listNode?.location ?? reader.node.location, "\(reader.what): windows must list at least one window (or be left out to use the period's default catalog)")
            return nil
        }
        var windows: [AlertWindow] = []
        var valid = true
        for (index, item) in items.enumerated() {
            if let window = window(item, what: "\(reader.what).windows[\(index)]", period: period, diagnostics: &diagnostics) {
                windows.append(window)
            } else {
                valid = false
            }
        }
        guard valid else { return nil }
        for (severity, alert) in [(AlertSeverity.page, alerting.page), (.ticket, alerting.ticket)] {
            let listed = windows.contains { $0.severity == severity }
            if alert != nil && !listed {
                diagnostics.error(listNode?.location ?? reader.node.location, "\(reader.what): windows has no \(severity.rawValue) window while the \(severity.rawValue) alert is enabled: add one, or disable the \(severity.rawValue) alert")
            } else if alert == nil && listed {
                diagnostics.warning(listNode?.location ?? reader.node.location, "\(reader.what): the \(severity.rawValue) alert is disabled, so its windows have no effect")
            }
        }
        return windows
    }

    private static func window(_ node: YAMLNode, what: String, period: SLOPeriod, diagnostics: inout Diagnostics) -> AlertWindow? {
        guard var reader = MappingReader(node, what: what, diagnostics: &diagnostics) else { return nil }
        defer { reader.finish(diagnostics: &diagnostics) }
        var severity: AlertSeverity?
        if let text = reader.string("severity", required: true, diagnostics: &diagnostics), let severityNode = node["severity"] {
            severity = AlertSeverity(rawValue: text)
            if severity == nil {
                diagnostics.error(severityNode.location, "\(what): unknown severity \"\(text)\": expected page or ticket")
            }
        }
        let short = reader.promDuration("short", required: true, diagnostics: &diagnostics)
        let long = reader.promDuration("long", required: true, diagnostics: &diagnostics)
        let length = nominalLength(of: period)
        var windowsValid = short != nil && long != nil
        if let short, let long, short.duration >= long.duration {
            diagnostics.error(short.node.location, "\(what): short window \(short.node.scalar ?? "") must be shorter than the long window \(long.node.scalar ?? "")")
            windowsValid = false
        }
        if let long, long.duration > length {
            diagnostics.error(long.node.location, "\(what): long window \(long.node.scalar ?? "") is longer than the SLO period (\(PromQLBridge.format(length)))")
            windowsValid = false
        }
        let factor = burnFactor(&reader, what: what, long: long?.duration, length: length, diagnostics: &diagnostics)
        guard let severity, windowsValid, let short, let long, let factor else { return nil }
        return AlertWindow(severity: severity, short: short.duration, long: long.duration, factor: factor)
    }

    /// Reads `factor`, or `budget_percent` converted to a factor: exactly one of them.
    private static func burnFactor(
        _ reader: inout MappingReader, what: String, long: Duration?, length: Duration, diagnostics: inout Diagnostics
    ) -> Double? {
        let node = reader.node
        switch (node["factor"], node["budget_percent"]) {
        case (nil, nil):
            diagnostics.error(node.location, "\(what): give factor (a burn rate such as 14.4) or budget_percent (the share of the error budget spent within the long window)")
            _ = reader.value("factor")
            _ = reader.value("budget_percent")
            return nil
        case (.some, .some):
            diagnostics.error(node["budget_percent"]?.location ?? node.location, "\(what): give either factor or budget_percent, not both")
            _ = reader.value("factor")
            _ = reader.value("budget_percent")
            return nil
        case (.some(let factorNode), nil):
            _ = reader.value("budget_percent")
            guard let factor = reader.double("factor", diagnostics: &diagnostics) else { return nil }
            guard factor > 0, factor.isFinite else {
                diagnostics.error(factorNode.location, "\(what): factor must be greater than 0, got \(factorNode.scalar ?? "")")
                return nil
            }
            return factor
        case (nil, .some(let percentNode)):
            _ = reader.value("factor")
            guard let percent = reader.double("budget_percent", diagnostics: &diagnostics) else { return nil }
            guard percent > 0, percent <= 100 else {
                diagnostics.error(percentNode.location, "\(what): budget_percent must be greater than 0 and at most 100, got \(percentNode.scalar ?? "")")
                return nil
            }
            guard let long else { return nil }
            return AlertWindowCatalog.factor(budgetPercent: percent, period: length, long: long)
        }
    }
}
