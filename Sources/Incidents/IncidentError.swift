/// A request about incidents that cannot be carried out: what and which incident.
public struct IncidentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure, for callers that answer differently (an HTTP status).
    public enum Code: String, Sendable, Hashable {
        /// No incident has the id.
        case notFound
        /// The incident's state does not allow it (acknowledging a resolved incident).
        case conflict
        /// The request itself is malformed (an empty author).
        case badInput
        /// The incident store failed.
        case storage
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong, in words.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
