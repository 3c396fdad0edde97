extension BurnrateFields {
    /// Reads `budgeting_method`: `occurrences` (the default), or a mapping
    /// `{method: timeslices, target: 95, window: 1m}` / `{method: ratio_timeslices, window: 1m}`.
    /// `target` is a percentage like `objective`; `window` must be shorter than the period.
    static func budgeting(from reader: inout MappingReader, period: SLOPeriod, diagnostics: inout Diagnostics) -> BudgetingMethod? {
        let methods = ["occurrences", "timeslices", "ratio_timeslices"]
        guard let node = reader.value("budgeting_method") else { return nil }
        let what = "\(reader.what) budgeting_method"
        if let text = node.scalar {
            switch text {
            case "occurrences": return .occurrences
            case "timeslices", "ratio_timeslices":
                diagnostics.error(node.location, "\(what): \(text) needs a window: write {method: \(text),\(text == "timeslices" ? " target: 99," : "") window: 1m}")
            default:
                diagnostics.error(node.location, unknownMethod(text, what: what, methods: methods))
            }
            return nil
        }
        guard var budgeting = MappingReader(node, what: what, diagnostics: &diagnostics) else { return nil }
        defer { budgeting.finish(diagnostics: &diagnostics) }
        guard let method = budgeting.string("method", required: true, diagnostics: &diagnostics) else { return nil }
        switch method {
        case "occurrences":
            return .occurrences
        case "timeslices":
            let target = SlothObjective.read("target", from: &budgeting, diagnostics: &diagnostics)
            let window = sliceWindow(from: &budgeting, period: period, diagnostics: &diagnostics)
            guard let target, let window else { return nil }
            return .timeslices(target: target, window: window)
        case "ratio_timeslices":
            return sliceWindow(from: &budgeting, period: period, diagnostics: &diagnostics).map { .ratioTimeslices(window: $0) }
        default:
            diagnostics.error(node["method"]?.location ?? node.location, unknownMethod(method, what: what, methods: methods))
            return nil
        }
    }

    private static func unknownMethod(_ text: String, what: String, methods: [String]) -> String {
        var message = "\(what): unknown budgeting method \"\(text)\": expected \(methods.joined(separator: ", "))"
        if let suggestion = DidYouMean.suggest(text, from: methods) { message += " (did you mean \"\(suggestion)\"?)" }
        return message
    }

    private static func sliceWindow(from reader: inout MappingReader, period: SLOPeriod, diagnostics: inout Diagnostics) -> Duration? {
        guard let (window, node) = reader.promDuration("window", required: true, diagnostics: &diagnostics) else { return nil }
        let length = nominalLength(of: period)
        guard window < length else {
            diagnostics.error(node.location, "\(reader.what): window \(node.scalar ?? "") must be shorter than the SLO period (\(PromQLBridge.format(length)))")
            return nil
        }
        return window
    }
}
