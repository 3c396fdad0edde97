/// A rule whose evaluation failed: its expression errored, its output broke the group's `limit`,
/// or two results had the same labels.
public struct RuleEvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rule's name (recorded metric or alert name).
    public var rule: String
    /// The evaluation time in milliseconds.
    public var time: Int64
    /// The error, in Prometheus' wording.
    public var message: String

    /// Creates an error.
    public init(rule: String, time: Int64, message: String) {
        self.rule = rule
        self.time = time
        self.message = message
    }

    /// `rule: NAME, err: MESSAGE`.
    public var description: String { "rule: \(rule), err: \(message)" }
}
