public import PromQL

/// What one evaluation of a rule group produced.
public struct RuleGroupEvaluation: Sendable {
    /// Every sample written: recorded series, `ALERTS` and `ALERTS_FOR_STATE` (stale markers excluded).
    public var samples: [Sample] = []
    /// The rules that failed, in rule order.
    public var errors: [RuleEvaluationError] = []

    /// Creates an empty evaluation.
    public init() {}
}
