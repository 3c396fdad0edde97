/// An error evaluating a PromQL expression, worded as Prometheus words it.
///
/// `code` says what kind of failure it is, as Prometheus' API `errorType` does: `.execution`
/// for errors of the query itself (many-to-many matching, duplicate series), `.badData` for a
/// query that cannot run in the form asked (a range vector in a range query), `.storage` when
/// reading samples failed.
public struct EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of evaluation failure.
    public enum Code: String, Sendable, Hashable {
        /// The expression failed while evaluating (Prometheus' `execution`).
        case execution
        /// The query cannot be run as asked (Prometheus' `bad_data`).
        case badData = "bad_data"
        /// Reading from storage failed.
        case storage
    }

    /// What kind of failure.
    public let code: Code
    /// The message, in Prometheus' wording.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// An execution error with the given message.
    static func execution(_ message: String) -> EvaluationError {
        EvaluationError(.execution, message)
    }

    /// The message.
    public var description: String { message }
}
