public import PromQL
public import Rules

extension SeriesFilter {
    /// The window rendered into SLI queries to read their selectors (any window selects the same series).
    static let selectorWindow = "5m"

    /// Every vector selector the rule set reads: rule expressions, SLI queries, and the
    /// `_bucket`/`_count` series of latency SLIs. Queries that do not parse (a rule set is
    /// validated before it is used) contribute nothing.
    public static func selectors(of ruleSet: RuleSet) -> [VectorSelector] {
        var selectors: [VectorSelector] = []
        for group in ruleSet.groups {
            for rule in group.rules {
                if let expr = try? Parser.parse(rule.expr) { selectors += expr.vectorSelectors }
            }
        }
        for slo in ruleSet.slos {
            for template in slo.indicator.queries {
                if let expr = try? Parser.parse(template.render(window: selectorWindow)) { selectors += expr.vectorSelectors }
            }
            if case .latency(let latency) = slo.indicator {
                for suffix in ["_bucket", "_count"] {
                    let text = "\(latency.metric)\(suffix){\(latency.matchers)}"
                    if let expr = try? Parser.parse(text) { selectors += expr.vectorSelectors }
                }
            }
        }
        return selectors
    }
}
