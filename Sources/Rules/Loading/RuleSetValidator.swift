/// Checks that need the whole load at once: SLO ids unique across files, and every SLI query valid PromQL.
enum RuleSetValidator {
    static func validate(_ context: LoadContext, files: [RuleFile], diagnostics: inout Diagnostics) {
        var texts: [String: String] = [:]
        for file in files { texts[file.path] = file.contents }
        var seen: [String: SLO] = [:]
        for slo in context.slos {
            if let first = seen[slo.id] {
                diagnostics.error(slo.location, "duplicate SLO id \"\(slo.id)\" (also defined at \(first.location))")
            } else {
                seen[slo.id] = slo
            }
            let what = "SLO \"\(slo.id)\""
            for template in slo.indicator.queries {
                QueryChecker.check(template, in: texts[template.location.file] ?? "", what: what, diagnostics: &diagnostics)
            }
        }
    }
}

extension SLI {
    /// The query templates of the SLI, in the order they are written.
    public var queries: [QueryTemplate] {
        switch self {
        case .events(let errors, let total): [errors, total]
        case .goodTotal(let good, let total): [good, total]
        case .raw(let ratio): [ratio]
        case .gauge(let good): [good]
        case .threshold(let query, _, _): [query]
        case .latency, .plugin: []
        }
    }
}
