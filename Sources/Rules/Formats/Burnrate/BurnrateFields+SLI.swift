extension BurnrateFields {
    /// Reads `sli.latency`: a classic histogram's base name, extra label matchers (`selector`, or
    /// its alias `matchers`) and a threshold in seconds, which must be one of the `le` bounds.
    static func latency(_ node: YAMLNode, what: String, diagnostics: inout Diagnostics) -> SLI? {
        guard var reader = MappingReader(node, what: what, diagnostics: &diagnostics) else { return nil }
        defer { reader.finish(diagnostics: &diagnostics) }
        let metric = reader.string("metric", required: true, diagnostics: &diagnostics)
        if let metric, let metricNode = node["metric"], !metric.isEmpty {
            if !Names.isValidMetricName(metric) {
                diagnostics.error(metricNode.location, "\(what): invalid metric name \"\(metric)\": it must match [a-zA-Z_:][a-zA-Z0-9_:]*")
            } else if let suffix = ["_bucket", "_count", "_sum"].first(where: metric.hasSuffix) {
                diagnostics.error(metricNode.location, "\(what): metric must be the histogram's base name, without \(suffix): \"\(metric.dropLast(suffix.count))\"")
            }
        }
        var matchers = ""
        let given = ["selector", "matchers"].filter { node[$0] != nil }
        if given.count == 2, let second = node.pairs?.last(where: { given.contains($0.key.scalar ?? "") }) {
            diagnostics.error(second.key.location, "\(what): give either selector or matchers (they are the same field), not both")
        }
        for key in ["selector", "matchers"] {
            if let text = reader.string(key, diagnostics: &diagnostics) { matchers = trimmedMatchers(text) }
        }
        let threshold = reader.double("threshold", required: true, diagnostics: &diagnostics)
        if let threshold, !(threshold > 0 && threshold.isFinite), let thresholdNode = node["threshold"] {
            diagnostics.error(thresholdNode.location, "\(what): threshold must be a number of seconds greater than 0, got \(thresholdNode.scalar ?? "")")
            return nil
        }
        guard let metric, !metric.isEmpty, let threshold else { return nil }
        return .latency(LatencySLI(metric: metric, matchers: matchers, threshold: threshold, location: node.location))
    }

    /// Reads `sli.gauge`: `good_query`, a query that is 1 while the service is good and 0 while it is
    /// not. It needs no `{{.window}}`: the evaluator averages it over each window.
    static func gauge(_ node: YAMLNode, what: String, diagnostics: inout Diagnostics) -> SLI? {
        guard var reader = MappingReader(node, what: what, diagnostics: &diagnostics) else { return nil }
        let good = SlothSpecReader.query("good_query", from: &reader, requireWindow: false, diagnostics: &diagnostics)
        reader.finish(diagnostics: &diagnostics)
        return good.map { .gauge(good: $0) }
    }

    /// Matchers as PromQL writes them inside braces: surrounding whitespace and braces removed.
    private static func trimmedMatchers(_ text: String) -> String {
        func trim(_ slice: Substring) -> Substring {
            var slice = slice.drop { $0.isWhitespace }
            while slice.last?.isWhitespace == true { slice = slice.dropLast() }
            return slice
        }
        var trimmed = trim(Substring(text))
        if trimmed.first == "{" && trimmed.last == "}" {
            trimmed = trim(trimmed.dropFirst().dropLast())
        }
        return String(trimmed)
    }
}
