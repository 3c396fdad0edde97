/// Reads the Sloth-shaped spec body shared by Sloth `prometheus/v1`, Sloth's Kubernetes
/// `PrometheusServiceLevel` spec and `burnrate/v1`: the service, its labels and its SLOs.
///
/// The dialect chooses the key spelling (snake_case or camelCase) and whether Burnrate's
/// additions are read. Every problem is reported at its node; SLOs whose core fields (name,
/// objective, SLI) could be read are returned even when other fields had problems.
struct SlothSpecReader {
    /// The spec variant being read.
    var dialect: SlothDialect

    /// Fields only `burnrate/v1` has, by where they appear.
    static let burnrateOnlySLOFields = ["period", "budgeting_method", "group_by", "min_events"]
    static let burnrateOnlySLIFields = ["latency", "gauge"]
    static let burnrateOnlyAlertingFields = ["no_data", "windows"]

    /// Reads `service`, `labels`, the SLO plugins and `slos` from `reader` (the document root, or
    /// the Kubernetes `spec`). The caller reads its own keys and calls `finish`.
    func readSpec(_ reader: inout MappingReader, diagnostics: inout Diagnostics) -> [SLO] {
        let serviceNode = reader.node["service"]
        let service = reader.string("service", required: true, diagnostics: &diagnostics)
        if let service, let serviceNode, !service.isEmpty, !SlothNames.isValidName(service) {
            diagnostics.error(serviceNode.location, "\(reader.what): invalid service \"\(service)\": \(SlothNames.nameRule)")
        }
        let labels = SlothLabels.read("labels", .label, from: &reader, diagnostics: &diagnostics)
        readSLOPlugins(dialect.sloPlugins, from: &reader, diagnostics: &diagnostics)
        guard let items = reader.sequence("slos", required: true, diagnostics: &diagnostics) else { return [] }
        if items.isEmpty, let slosNode = reader.node["slos"] {
            diagnostics.error(slosNode.location, "\(reader.what): at least one SLO is required in \"slos\"")
        }
        var slos: [SLO] = []
        var firstByName: [String: SourceLocation] = [:]
        for (index, item) in items.enumerated() {
            var duplicate = false
            if let nameNode = item["name"], let name = nameNode.scalar, !name.isEmpty {
                if let first = firstByName[name] {
                    // Reported here, at the name; the duplicate is not loaded, so the id check across
                    // files does not report it a second time.
                    diagnostics.error(nameNode.location, "SLO \"\(name)\": duplicate SLO name in service \"\(service ?? "")\" (first defined at line \(first.line), column \(first.column)); SLO ids (service-name) must be unique")
                    duplicate = true
                } else {
                    firstByName[name] = nameNode.location
                }
            }
            if let slo = readSLO(item, index: index, service: service, specLabels: labels, diagnostics: &diagnostics), !duplicate {
                slos.append(slo)
            }
        }
        return slos
    }

    /// Reads one SLO of `slos`.
    func readSLO(
        _ node: YAMLNode, index: Int, service: String?, specLabels: [String: String], diagnostics: inout Diagnostics
    ) -> SLO? {
        let what = node["name"]?.scalar.map { "SLO \"\($0)\"" } ?? "SLO #\(index + 1)"
        guard var reader = MappingReader(node, what: what, diagnostics: &diagnostics) else { return nil }
        let name = reader.string("name", required: true, diagnostics: &diagnostics)
        if let name, let nameNode = node["name"], !name.isEmpty, !SlothNames.isValidName(name) {
            diagnostics.error(nameNode.location, "\(what): invalid SLO name \"\(name)\": \(SlothNames.nameRule)")
        }
        let description = reader.string("description", diagnostics: &diagnostics) ?? ""
        let objective = SlothObjective.read("objective", from: &reader, diagnostics: &diagnostics)
        let labels = SlothLabels.read("labels", .label, from: &reader, diagnostics: &diagnostics)
        readSLOPlugins("plugins", from: &reader, diagnostics: &diagnostics)
        ignoreForkFields(in: &reader, diagnostics: &diagnostics)

        var period = SLOPeriod.default
        var budgeting = BudgetingMethod.occurrences
        var groupBy: [String] = []
        var minEvents: (value: Double, node: YAMLNode)?
        if dialect.burnrateExtensions {
            period = BurnrateFields.period(from: &reader, diagnostics: &diagnostics) ?? .default
            budgeting = BurnrateFields.budgeting(from: &reader, period: period, diagnostics: &diagnostics) ?? .occurrences
            groupBy = BurnrateFields.groupBy(from: &reader, diagnostics: &diagnostics)
            minEvents = BurnrateFields.minEvents(from: &reader, diagnostics: &diagnostics)
        } else {
            rejectBurnrateOnly(Self.burnrateOnlySLOFields, in: &reader, diagnostics: &diagnostics)
        }

        var indicator: SLI?
        if let sliNode = reader.value("sli") {
            indicator = readSLI(sliNode, what: what, diagnostics: &diagnostics)
        } else {
            diagnostics.error(node.location, "\(what): missing required field \"sli\"")
        }
        let alerting = readAlerting(reader.value("alerting"), slo: node, what: what, period: period, diagnostics: &diagnostics)
        if let minEvents, let indicator, !Self.countsEvents(indicator) {
            diagnostics.error(minEvents.node.location, "\(what): min_events needs an SLI that counts events (events or latency); a \(Self.kindName(indicator)) SLI has no event count")
        }
        reader.finish(diagnostics: &diagnostics)

        guard let service, let name, let objective, let indicator else { return nil }
        return SLO(
            id: "\(service)-\(name)", name: name, service: service, description: description,
            objective: objective, labels: specLabels.merging(labels) { $1 }, indicator: indicator,
            period: period, budgeting: budgeting, groupBy: groupBy, minEvents: minEvents?.value,
            alerting: alerting, location: node.location, format: dialect.format
        )
    }

    /// Reports fields that only `burnrate/v1` has when reading a Sloth dialect, naming the fix,
    /// and marks them as read so they are not reported again as unknown.
    func rejectBurnrateOnly(_ keys: [String], in reader: inout MappingReader, diagnostics: inout Diagnostics) {
        for pair in reader.node.pairs ?? [] {
            guard let key = pair.key.scalar, keys.contains(key) else { continue }
            diagnostics.error(pair.key.location, "\(reader.what): \"\(key)\" is a burnrate/v1 field, not part of \(dialect.name) (write version: \"burnrate/v1\" to use it)")
            reader.ignore(key)
        }
    }

    /// Accepts, with a warning, the fields of the linode-obs Sloth fork (`infoLabels`, `interval`),
    /// which upstream Sloth v0.16 does not have.
    private func ignoreForkFields(in reader: inout MappingReader, diagnostics: inout Diagnostics) {
        guard dialect.format != .slothKubernetes else { return }
        for pair in reader.node.pairs ?? [] {
            guard let key = pair.key.scalar, key == "infoLabels" || key == "interval" else { continue }
            reader.ignore(key)
            diagnostics.warning(pair.key.location, "\(reader.what): \"\(key)\" comes from a fork of Sloth, not Sloth v0.16; Burnrate ignores it")
        }
    }

    /// True for SLIs whose long window has an event count for `min_events`.
    static func countsEvents(_ sli: SLI) -> Bool {
        switch sli {
        case .events, .goodTotal, .latency: true
        case .raw, .gauge, .threshold, .plugin: false
        }
    }

    /// The spec word for an SLI kind.
    static func kindName(_ sli: SLI) -> String {
        switch sli {
        case .events: "events"
        case .goodTotal: "good/total"
        case .raw: "raw"
        case .latency: "latency"
        case .gauge: "gauge"
        case .threshold: "threshold"
        case .plugin: "plugin"
        }
    }
}
