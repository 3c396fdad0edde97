/// One HTTP request of a delivery attempt, as the transport sends it.
public struct WebhookRequest: Sendable, Hashable {
    /// Where to post.
    public var url: String
    /// The headers, in order (names lower-case).
    public var headers: [HTTPHeader]
    /// The body.
    public var body: [UInt8]
    /// TLS settings, nil for the system's defaults.
    public var tls: WebhookEndpoint.TLS?
    /// How long the attempt may take.
    public var timeout: Duration

    /// Creates a request.
    public init(url: String, headers: [HTTPHeader], body: [UInt8], tls: WebhookEndpoint.TLS? = nil, timeout: Duration) {
        self.url = url
        self.headers = headers
        self.body = body
        self.tls = tls
        self.timeout = timeout
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }
}

