/// A header of a `WebhookRequest` or `WebhookResponse`.
public struct HTTPHeader: Sendable, Hashable {
    public var name: String
    public var value: String

    /// Creates a header.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
