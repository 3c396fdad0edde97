/// A template that could not be parsed or expanded; alert rendering prints it as Prometheus
/// does, `<error expanding template: MESSAGE>`.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
