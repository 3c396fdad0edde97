extension OpenSLOFormat {
    /// Reads an `openslo/v1` `kind: SLO`, reporting what the OpenSLO Go SDK rejects.
    static func readSLO(_ root: inout MappingReader, name: OpenSLOObjectName, diagnostics: inout Diagnostics) -> OpenSLOSLODefinition {
        let before = diagnostics.errors.count
        var slo = OpenSLOSLODefinition(
            name: name, metadata: readMetadata(&root, object: name, diagnostics: &diagnostics), service: "",
            description: "", indicator: nil, budgetingMethod: nil, timeWindow: nil, objectives: [], alertPolicies: [],
            location: root.node.location, isValid: true
        )
        if var spec = root.mapping("spec", what: name.at("spec"), required: true, diagnostics: &diagnostics) {
            readSLOSpec(&spec, into: &slo, diagnostics: &diagnostics)
            spec.finish(diagnostics: &diagnostics)
        }
        slo.isValid = diagnostics.errors.count == before
        return slo
    }

    private static func readSLOSpec(_ spec: inout MappingReader, into slo: inout OpenSLOSLODefinition, diagnostics: inout Diagnostics) {
        let name = slo.name
        slo.description = readDescription(&spec, diagnostics: &diagnostics)
        slo.service = spec.string("service", required: true, diagnostics: &diagnostics) ?? ""
        slo.indicator = readIndicatorChoice(&spec, owner: name, path: "spec", diagnostics: &diagnostics)
        if let method = spec.string("budgetingMethod", required: true, diagnostics: &diagnostics) {
            slo.budgetingMethod = OpenSLOBudgetingMethodName(rawValue: method)
            if slo.budgetingMethod == nil {
                let names = OpenSLOBudgetingMethodName.allCases.map(\.rawValue)
                var message = "\(spec.what): \"budgetingMethod\" must be one of \(names.joined(separator: ", ")), got \"\(method)\""
                if let suggestion = DidYouMean.suggest(method, from: names) { message += " (did you mean \"\(suggestion)\"?)" }
                diagnostics.error(valueLocation(spec, "budgetingMethod"), message)
            }
        }
        slo.timeWindow = readTimeWindows(&spec, what: name.at("spec.timeWindow"), diagnostics: &diagnostics)
        let objectiveNodes = spec.sequence("objectives", required: true, diagnostics: &diagnostics) ?? []
        if spec.has("objectives"), objectiveNodes.isEmpty, spec.node["objectives"]?.items != nil {
            diagnostics.error(valueLocation(spec, "objectives"), "\(spec.what): \"objectives\" must have at least one objective")
        }
        let composite = objectiveNodes.contains { $0["indicator"] != nil || $0["indicatorRef"] != nil }
        if composite, slo.indicator != nil || spec.has("indicator") || spec.has("indicatorRef") {
            diagnostics.error(spec.node.location, "\(spec.what): 'indicator' or 'indicatorRef' must be defined either on 'spec' (standard SLOs) or on 'spec.objectives[*]' (composite SLOs), but not both")
        } else if !composite, !spec.has("indicator"), !spec.has("indicatorRef") {
            diagnostics.error(spec.node.location, "\(spec.what): one of \"indicator\" or \"indicatorRef\" must be given (on 'spec', or on every objective of a composite SLO)")
        }
        for (index, node) in objectiveNodes.enumerated() {
            if let objective = readObjective(node, index: index, slo: slo, composite: composite, diagnostics: &diagnostics) {
                slo.objectives.append(objective)
            }
        }
        for (index, node) in (spec.sequence("alertPolicies", diagnostics: &diagnostics) ?? []).enumerated() {
            if let policy = readSLOAlertPolicy(node, owner: name, path: "spec.alertPolicies[\(index)]", diagnostics: &diagnostics) {
                slo.alertPolicies.append(policy)
            }
        }
    }

    /// Reads `indicator` or `indicatorRef` (at most one) from `reader`, at `path` of `owner`.
    static func readIndicatorChoice(_ reader: inout MappingReader, owner: OpenSLOObjectName, path: String, diagnostics: inout Diagnostics) -> OpenSLOReference<OpenSLOIndicator>? {
        if reader.has("indicator"), reader.has("indicatorRef") {
            diagnostics.error(keyLocation(reader, "indicatorRef"), "\(reader.what): exactly one of \"indicator\" and \"indicatorRef\" must be given, not both")
        }
        if let node = reader.value("indicator") {
            reader.ignore("indicatorRef")
            return readInlineIndicator(node, owner: owner, path: "\(path).indicator", diagnostics: &diagnostics).map { .inline($0) }
        }
        guard reader.has("indicatorRef") else {
            reader.ignore("indicatorRef")
            return nil
        }
        return readReference(&reader, "indicatorRef", path: path, diagnostics: &diagnostics).map { .reference($0) }
    }

    /// Reads `timeWindow`: exactly one item, rolling or calendar-aligned.
    private static func readTimeWindows(_ spec: inout MappingReader, what: String, diagnostics: inout Diagnostics) -> OpenSLOTimeWindow? {
        let items = spec.sequence("timeWindow", diagnostics: &diagnostics)
        guard let items, items.count == 1 else {
            let location = spec.has("timeWindow") ? valueLocation(spec, "timeWindow") : spec.node.location
            let count = items?.count ?? 0
            if items != nil || !spec.has("timeWindow") {
                diagnostics.error(location, "\(spec.what): \"timeWindow\" must have exactly one item, got \(count)")
            }
            return nil
        }
        guard var window = MappingReader(items[0], what: "\(what)[0]", diagnostics: &diagnostics) else { return nil }
        defer { window.finish(diagnostics: &diagnostics) }
        let duration = readDuration(&window, "duration", required: true, diagnostics: &diagnostics)
        let durationLocation = valueLocation(window, "duration")
        let isRolling = window.bool("isRolling", diagnostics: &diagnostics) ?? false
        var timeZone: String?
        if window.has("calendar"), isRolling {
            diagnostics.error(keyLocation(window, "calendar"), "\(window.what): 'calendar' cannot be set when 'isRolling' is true")
        } else if !window.has("calendar"), !isRolling {
            diagnostics.error(window.node.location, "\(window.what): 'calendar' must be set when 'isRolling' is false (a rolling window needs \"isRolling: true\")")
        }
        if var calendar = window.mapping("calendar", what: "\(window.what).calendar", diagnostics: &diagnostics) {
            timeZone = readCalendar(&calendar, diagnostics: &diagnostics)
            calendar.finish(diagnostics: &diagnostics)
        }
        guard let duration else { return nil }
        return OpenSLOTimeWindow(duration: duration, isRolling: isRolling, timeZone: timeZone, durationLocation: durationLocation)
    }

    /// Reads `calendar`: `startTime` as `YYYY-MM-DD hh:mm:ss` and an IANA `timeZone`; returns the zone.
    static func readCalendar(_ calendar: inout MappingReader, diagnostics: inout Diagnostics) -> String? {
        if let start = calendar.string("startTime", required: true, diagnostics: &diagnostics), !isDateTime(start) {
            diagnostics.error(valueLocation(calendar, "startTime"), "\(calendar.what): \"startTime\" must be a date and time as YYYY-MM-DD hh:mm:ss (24h, no time zone), got \"\(start)\"")
        }
        guard let zone = calendar.string("timeZone", required: true, diagnostics: &diagnostics) else { return nil }
        guard OpenSLOTimeZone.isKnown(zone) else {
            diagnostics.error(valueLocation(calendar, "timeZone"), "\(calendar.what): \"timeZone\" \"\(zone)\" is not a time zone of the IANA database (e.g. UTC, Europe/Paris)")
            return nil
        }
        return zone
    }

    /// True for `YYYY-MM-DD hh:mm:ss` with plausible field values.
    private static func isDateTime(_ text: String) -> Bool {
        let parts = text.split(separator: " ")
        guard parts.count == 2 else { return false }
        let date = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        let time = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard date.count == 3, time.count == 3, date[0].count == 4, [date[1], date[2], time[0], time[1], time[2]].allSatisfy({ $0.count == 2 }),
              let month = Int(date[1]), let day = Int(date[2]), let hour = Int(time[0]), let minute = Int(time[1]), let second = Int(time[2]),
              Int(date[0]) != nil
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day) && (0...23).contains(hour) && (0...59).contains(minute) && (0...59).contains(second)
    }

    /// Reads one objective at `spec.objectives[index]`.
    private static func readObjective(_ node: YAMLNode, index: Int, slo: OpenSLOSLODefinition, composite: Bool, diagnostics: inout Diagnostics) -> OpenSLOObjective? {
        let path = "spec.objectives[\(index)]"
        guard var reader = MappingReader(node, what: slo.name.at(path), diagnostics: &diagnostics) else { return nil }
        defer { reader.finish(diagnostics: &diagnostics) }
        var objective = OpenSLOObjective(index: index, location: node.location)
        objective.displayName = reader.string("displayName", diagnostics: &diagnostics)
        objective.op = readOperator(&reader, diagnostics: &diagnostics)
        if let value = reader.double("value", diagnostics: &diagnostics) {
            objective.value = (value, valueLocation(reader, "value"))
        }
        switch (reader.has("target"), reader.has("targetPercent")) {
        case (true, true):
            diagnostics.error(keyLocation(reader, "targetPercent"), "\(reader.what): exactly one of \"target\" and \"targetPercent\" must be given, not both")
        case (false, false):
            diagnostics.error(node.location, "\(reader.what): one of \"target\" or \"targetPercent\" must be given")
        default: break
        }
        if let target = reader.double("target", diagnostics: &diagnostics) {
            if target >= 0, target < 1 { objective.target = target } else {
                diagnostics.error(valueLocation(reader, "target"), "\(reader.what): \"target\" must be in [0, 1), got \(format(target))\(target >= 1 && target < 100 ? " (for a percentage use \"targetPercent\")" : "")")
            }
        }
        if let percent = reader.double("targetPercent", diagnostics: &diagnostics) {
            if percent >= 0, percent < 100 { objective.target = objective.target ?? ratio(percent: percent) } else {
                diagnostics.error(valueLocation(reader, "targetPercent"), "\(reader.what): \"targetPercent\" must be in [0, 100), got \(format(percent))")
            }
        }
        let method = slo.budgetingMethod
        let needsSlices = method == .timeslices || method == .ratioTimeslices
        if let sliceTarget = reader.double("timeSliceTarget", required: method == .timeslices, diagnostics: &diagnostics) {
            if sliceTarget > 0, sliceTarget <= 1 { objective.timeSliceTarget = sliceTarget } else {
                diagnostics.error(valueLocation(reader, "timeSliceTarget"), "\(reader.what): \"timeSliceTarget\" must be in (0, 1], got \(format(sliceTarget))")
            }
        }
        objective.timeSliceWindow = readDuration(&reader, "timeSliceWindow", required: needsSlices, minutesIfNumber: true, diagnostics: &diagnostics)
        if composite {
            objective.indicator = readIndicatorChoice(&reader, owner: slo.name, path: path, diagnostics: &diagnostics)
            if objective.indicator == nil, !reader.has("indicator") {
                diagnostics.error(node.location, "\(reader.what): every objective of a composite SLO needs \"indicator\" or \"indicatorRef\"")
            }
            if let weight = reader.double("compositeWeight", diagnostics: &diagnostics), weight <= 0 {
                diagnostics.error(valueLocation(reader, "compositeWeight"), "\(reader.what): \"compositeWeight\" must be greater than 0, got \(format(weight))")
            }
        } else {
            reader.ignore("compositeWeight")
        }
        objective.what = reader.what
        objective.node = node
        if case .inline(let inline) = objective.indicator ?? slo.indicator, let metric = inline.metric {
            checkObjective(objective, metric: metric, diagnostics: &diagnostics)
        }
        return objective
    }

    /// Reports `op`/`value` forbidden with a ratioMetric and missing with a thresholdMetric (the Go SDK
    /// checks this for inline indicators; Burnrate also checks it once a reference is resolved).
    static func checkObjective(_ objective: OpenSLOObjective, metric: OpenSLOIndicator.Metric, diagnostics: inout Diagnostics) {
        let pairs = objective.node?.pairs ?? []
        switch metric {
        case .threshold:
            for key in ["op", "value"] where !pairs.contains(where: { $0.key.scalar == key }) {
                diagnostics.error(objective.location, "\(objective.what): missing required field \"\(key)\" (the indicator is a thresholdMetric)")
            }
        case .ratio, .raw:
            for pair in pairs where pair.key.scalar == "op" || pair.key.scalar == "value" {
                diagnostics.error(pair.key.location, "\(objective.what): \"\(pair.key.scalar ?? "")\" is forbidden when the indicator is a ratioMetric (op and value apply to a thresholdMetric only)")
            }
        }
    }

    /// `percent` / 100 without binary noise: 99.9 gives 0.999, not 0.9990000000000001.
    static func ratio(percent: Double) -> Double {
        Double("\(percent)e-2") ?? percent / 100
    }

    /// A number as a user wrote it: `2` rather than `2.0`.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
