/// One `webhook_configs` entry of a receiver.
public struct WebhookConfig: Sendable, Hashable {
    /// Where the payload is posted.
    public var url: String?
    /// A file holding the URL (Alertmanager's `url_file`).
    public var urlFile: String?
    /// Whether resolved alerts are notified (default true).
    public var sendResolved = true
    /// At most this many alerts per payload, 0 for all; the rest are counted in `truncatedAlerts`.
    public var maxAlerts = 0
    /// Authentication and TLS.
    public var httpConfig = HTTPClientConfig()
    /// Burnrate's extension: the Standard Webhooks signing secret, read from this file.
    public var signingSecretFile: String?

    /// Creates a webhook configuration.
    public init(url: String? = nil, urlFile: String? = nil, sendResolved: Bool = true, maxAlerts: Int = 0, httpConfig: HTTPClientConfig = HTTPClientConfig(), signingSecretFile: String? = nil) {
        self.url = url
        self.urlFile = urlFile
        self.sendResolved = sendResolved
        self.maxAlerts = maxAlerts
        self.httpConfig = httpConfig
        self.signingSecretFile = signingSecretFile
    }
}
