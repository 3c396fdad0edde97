/// One `alertmanager_configs` entry of a receiver (a Burnrate extension): an existing Alertmanager
/// that the alerts routed to the receiver are forwarded to through its API v2, as Prometheus sends
/// them — every `resend_delay` while they fire, and once more when they resolve.
public struct AlertmanagerForwardConfig: Sendable, Hashable {
    /// The Alertmanager's base URL (with its path prefix, if any); alerts are posted to
    /// `<url>/api/v2/alerts`.
    public var url: String
    /// How long an alert that did not change waits before it is sent again (Prometheus'
    /// `--rules.alert.resend-delay`, default 1 minute).
    public var resendDelay: Duration
    /// How long one request may take (default 10 s).
    public var timeout: Duration
    /// Authentication and TLS.
    public var httpConfig: HTTPClientConfig

    /// The default `resend_delay`.
    public static let defaultResendDelay = Duration.seconds(60)

    /// Creates a forwarding configuration.
    public init(url: String, resendDelay: Duration = Self.defaultResendDelay, timeout: Duration = .seconds(10), httpConfig: HTTPClientConfig = HTTPClientConfig()) {
        self.url = url
        self.resendDelay = resendDelay
        self.timeout = timeout
        self.httpConfig = httpConfig
    }

    /// Where alerts are posted: the base URL and `/api/v2/alerts`.
    public var alertsURL: String {
        (url.hasSuffix("/") ? String(url.dropLast()) : url) + "/api/v2/alerts"
    }
}
