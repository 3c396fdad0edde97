public import PromQL

/// The metric names a rule's evaluation may read: those of its selectors, or anything when a
/// selector does not name its metric (`{sloth_id="x"}`, `{__name__=~"slo:.*"}`) or the rule's
/// expression is only known at evaluation time.
///
/// `RuleGroupEvaluator` writes the output of consecutive rules in one append and uses this to
/// write it before a rule that could read it, so every rule still sees the output of the rules
/// before it, as Prometheus evaluates a group.
public enum RuleReads: Sendable, Hashable {
    /// Only series with one of these names.
    case names(Set<String>)
    /// Any series.
    case anything

    /// What `expr` reads.
    public init(_ expr: Expr) {
        var names = Set<String>()
        for selector in expr.vectorSelectors {
            guard let name = selector.metricName else {
                self = .anything
                return
            }
            names.insert(name)
        }
        self = .names(names)
    }

    /// Whether a rule with these reads may read a series named in `written`.
    public func mayRead(anyOf written: Set<String>) -> Bool {
        switch self {
        case .anything: !written.isEmpty
        case .names(let names): !names.isDisjoint(with: written)
        }
    }
}
