/// The answer to a `WebhookRequest`: what the retry policy needs of it.
public struct WebhookResponse: Sendable, Hashable {
    /// The HTTP status code.
    public var status: Int
    /// The headers.
    public var headers: [HTTPHeader]
    /// The start of the body (at most a few hundred bytes), for error messages.
    public var body: String

    /// Creates a response.
    public init(status: Int, headers: [HTTPHeader] = [], body: String = "") {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }
}
