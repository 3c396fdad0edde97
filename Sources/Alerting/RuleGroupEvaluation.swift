public import PromQL

/// What one evaluation of a rule group produced.
public struct RuleGroupEvaluation: Sendable {
    /// Every sample written: recorded series, `ALERTS` and `ALERTS_FOR_STATE` (stale markers excluded).
    public var samples: [Sample] = []
    /// The rules that failed, in rule order.
    public var errors: [RuleEvaluationError] = []
    /// How each rule went, in rule order.
    public var rules: [RuleOutcome] = []

    /// Creates an empty evaluation.
    public init() {}
}

/// How one rule's evaluation went.
public struct RuleOutcome: Sendable, Hashable {
    /// The error, when the rule failed.
    public var error: String?
    /// How long the rule took (measured, not scheduled).
    public var duration: Duration

    /// Creates an outcome.
    public init(error: String?, duration: Duration) {
        self.error = error
        self.duration = duration
    }
}
