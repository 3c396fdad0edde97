/// A problem with a rule test file itself: unreadable, invalid YAML, a bad series or duration.
public struct RuleTestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
