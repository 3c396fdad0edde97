/// Why the webhook endpoints could not be built from the configuration (a file that cannot be
/// read, a secret that is not valid).
public struct WebhookEndpointError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, naming the receiver and integration.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
