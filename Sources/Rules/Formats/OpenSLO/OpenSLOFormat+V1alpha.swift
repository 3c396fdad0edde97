extension OpenSLOFormat {
    /// Reads an `openslo/v1alpha` `kind: SLO` with the Go SDK's rules, relaxed where Sloth's own
    /// inputs differ: `value` is needed only with a threshold indicator, `timeWindows` may be left out
    /// (30 days) and a window without `calendar` is rolling.
    static func readV1alphaSLO(_ root: inout MappingReader, name: OpenSLOObjectName, diagnostics: inout Diagnostics) -> OpenSLOv1alphaSLO {
        let before = diagnostics.errors.count
        var slo = OpenSLOv1alphaSLO(
            name: name, metadata: readMetadata(&root, object: name, diagnostics: &diagnostics), service: "", description: "",
            budgetingMethod: nil, period: nil, periodProblem: nil, threshold: nil, objectives: [], location: root.node.location, isValid: true
        )
        if var spec = root.mapping("spec", what: name.at("spec"), required: true, diagnostics: &diagnostics) {
            readV1alphaSpec(&spec, into: &slo, diagnostics: &diagnostics)
            spec.finish(diagnostics: &diagnostics)
        }
        slo.isValid = diagnostics.errors.count == before
        return slo
    }

    private static func readV1alphaSpec(_ spec: inout MappingReader, into slo: inout OpenSLOv1alphaSLO, diagnostics: inout Diagnostics) {
        slo.description = readDescription(&spec, diagnostics: &diagnostics)
        slo.service = spec.string("service", required: true, diagnostics: &diagnostics) ?? ""
        if let method = spec.string("budgetingMethod", required: true, diagnostics: &diagnostics) {
            slo.budgetingMethod = OpenSLOBudgetingMethodName(rawValue: method)
            if slo.budgetingMethod == nil || slo.budgetingMethod == .ratioTimeslices {
                slo.budgetingMethod = nil
                diagnostics.error(valueLocation(spec, "budgetingMethod"), "\(spec.what): \"budgetingMethod\" must be Occurrences or Timeslices in openslo/v1alpha, got \"\(method)\"")
            }
        }
        readV1alphaTimeWindows(&spec, into: &slo, diagnostics: &diagnostics)
        if var indicator = spec.mapping("indicator", what: slo.name.at("spec.indicator"), diagnostics: &diagnostics) {
            if var threshold = indicator.mapping("thresholdMetric", what: slo.name.at("spec.indicator.thresholdMetric"), required: true, diagnostics: &diagnostics) {
                slo.threshold = readV1alphaMetric(&threshold, diagnostics: &diagnostics)
                threshold.finish(diagnostics: &diagnostics)
            }
            indicator.finish(diagnostics: &diagnostics)
        }
        let nodes = spec.sequence("objectives", required: true, diagnostics: &diagnostics) ?? []
        if spec.node["objectives"]?.items?.isEmpty == true {
            diagnostics.error(valueLocation(spec, "objectives"), "\(spec.what): \"objectives\" must have at least one objective")
        }
        let hasRatio = nodes.contains { $0["ratioMetrics"] != nil }
        if hasRatio, spec.has("indicator") {
            diagnostics.error(keyLocation(spec, "indicator"), "\(spec.what): only one of 'indicator' and 'objectives[*].ratioMetrics' can be set")
        } else if !hasRatio, !spec.has("indicator"), !nodes.isEmpty {
            diagnostics.error(spec.node.location, "\(spec.what): one of 'indicator' or 'objectives[*].ratioMetrics' must be set")
        }
        for (index, node) in nodes.enumerated() {
            guard var reader = MappingReader(node, what: slo.name.at("spec.objectives[\(index)]"), diagnostics: &diagnostics) else { continue }
            if let objective = readV1alphaObjective(&reader, index: index, method: slo.budgetingMethod, diagnostics: &diagnostics) {
                slo.objectives.append(objective)
            }
            reader.finish(diagnostics: &diagnostics)
        }
    }

    private static func readV1alphaTimeWindows(_ spec: inout MappingReader, into slo: inout OpenSLOv1alphaSLO, diagnostics: inout Diagnostics) {
        guard let items = spec.sequence("timeWindows", diagnostics: &diagnostics), !items.isEmpty else { return }
        if items.count > 1 {
            diagnostics.error(items[1].location, "\(spec.what): \"timeWindows\" must have exactly one item, got \(items.count)")
        }
        guard var window = MappingReader(items[0], what: slo.name.at("spec.timeWindows[0]"), diagnostics: &diagnostics) else { return }
        defer { window.finish(diagnostics: &diagnostics) }
        let units = ["Second", "Day", "Week", "Month", "Quarter"]
        let unit = window.string("unit", required: true, diagnostics: &diagnostics)
        if let unit, !units.contains(unit) {
            var message = "\(window.what): \"unit\" must be one of \(units.joined(separator: ", ")), got \"\(unit)\""
            if let suggestion = DidYouMean.suggest(unit, from: units) { message += " (did you mean \"\(suggestion)\"?)" }
            diagnostics.error(valueLocation(window, "unit"), message)
        }
        let count = window.int("count", required: true, diagnostics: &diagnostics)
        if let count, count <= 0 {
            diagnostics.error(valueLocation(window, "count"), "\(window.what): \"count\" must be greater than 0, got \(count)")
        }
        let isRolling = window.bool("isRolling", diagnostics: &diagnostics)
        var timeZone: String?
        if isRolling == true, window.has("calendar") {
            diagnostics.error(keyLocation(window, "calendar"), "\(window.what): 'calendar' cannot be set when 'isRolling' is true")
        }
        if var calendar = window.mapping("calendar", what: "\(window.what).calendar", diagnostics: &diagnostics) {
            timeZone = readCalendar(&calendar, diagnostics: &diagnostics)
            calendar.finish(diagnostics: &diagnostics)
        }
        guard let unit, let count, count > 0 else { return }
        let seconds: Int64? = ["Second": 1, "Day": 86_400, "Week": 7 * 86_400, "Month": 30 * 86_400, "Quarter": 90 * 86_400][unit]
        guard let seconds else { return }
        if window.has("calendar") {
            let calendarUnit: CalendarUnit? = ["Day": .day, "Week": .week, "Month": .month, "Quarter": .quarter][unit]
            if let calendarUnit, count == 1, let timeZone {
                slo.period = .calendar(calendarUnit, timeZone: timeZone)
            } else if timeZone != nil {
                slo.periodProblem = ("a calendar-aligned window of \(count) \(unit) cannot be evaluated: Burnrate supports one day, week, month or quarter", window.node.location)
            }
        } else {
            slo.period = .rolling(.seconds(Int64(count) * seconds))
        }
    }

    private static func readV1alphaObjective(_ reader: inout MappingReader, index: Int, method: OpenSLOBudgetingMethodName?, diagnostics: inout Diagnostics) -> OpenSLOv1alphaSLO.Objective? {
        _ = reader.string("displayName", diagnostics: &diagnostics)
        let hasRatio = reader.has("ratioMetrics")
        let op = readOperator(&reader, required: !hasRatio, diagnostics: &diagnostics)
        if hasRatio { forbid(reader, "op", because: "when 'ratioMetrics' is set", diagnostics: &diagnostics) }
        let value = reader.double("value", required: !hasRatio, diagnostics: &diagnostics)
        let target = reader.double("target", required: true, diagnostics: &diagnostics)
        if let target, !(target >= 0 && target < 1) {
            diagnostics.error(valueLocation(reader, "target"), "\(reader.what): \"target\" must be in [0, 1), got \(format(target))")
        }
        let sliceTarget = reader.double("timeSliceTarget", required: method == .timeslices, diagnostics: &diagnostics)
        if let sliceTarget, !(sliceTarget >= 0 && sliceTarget <= 1) {
            diagnostics.error(valueLocation(reader, "timeSliceTarget"), "\(reader.what): \"timeSliceTarget\" must be in [0, 1], got \(format(sliceTarget))")
        }
        var ratio: (good: OpenSLOv1alphaSLO.Metric, total: OpenSLOv1alphaSLO.Metric)?
        if var metrics = reader.mapping("ratioMetrics", diagnostics: &diagnostics) {
            _ = metrics.bool("incremental", diagnostics: &diagnostics)
            var good: OpenSLOv1alphaSLO.Metric?
            var total: OpenSLOv1alphaSLO.Metric?
            if var node = metrics.mapping("good", what: "\(metrics.what).good", required: true, diagnostics: &diagnostics) {
                good = readV1alphaMetric(&node, diagnostics: &diagnostics)
                node.finish(diagnostics: &diagnostics)
            }
            if var node = metrics.mapping("total", what: "\(metrics.what).total", required: true, diagnostics: &diagnostics) {
                total = readV1alphaMetric(&node, diagnostics: &diagnostics)
                node.finish(diagnostics: &diagnostics)
            }
            metrics.finish(diagnostics: &diagnostics)
            if let good, let total { ratio = (good, total) }
        }
        guard let target, target >= 0, target < 1 else { return nil }
        return OpenSLOv1alphaSLO.Objective(
            index: index, op: op?.op, value: value, target: target, timeSliceTarget: sliceTarget, ratio: ratio, location: reader.node.location
        )
    }

    /// Reads `{source, queryType, query}`: source and query type are words, the query is not empty.
    private static func readV1alphaMetric(_ reader: inout MappingReader, diagnostics: inout Diagnostics) -> OpenSLOv1alphaSLO.Metric? {
        let source = reader.string("source", required: true, diagnostics: &diagnostics)
        let queryType = reader.string("queryType", required: true, diagnostics: &diagnostics)
        for (key, text) in [("source", source), ("queryType", queryType)] {
            if let text, !text.isEmpty, !text.allSatisfy({ $0.isASCII && $0.isLetter }) {
                diagnostics.error(valueLocation(reader, key), "\(reader.what): \"\(key)\" must contain letters only, got \"\(text)\"")
            }
        }
        let query = reader.string("query", required: true, diagnostics: &diagnostics)
        guard let source, let query else { return nil }
        return OpenSLOv1alphaSLO.Metric(
            source: source, sourceLocation: valueLocation(reader, "source"),
            query: QueryTemplate(query, at: valueLocation(reader, "query"))
        )
    }
}
