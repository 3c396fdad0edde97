/// Where and how one integration of a receiver is delivered: a `webhook_configs` entry of the
/// configuration, resolved (files read) by the caller.
public struct WebhookEndpoint: Sendable, Hashable {
    /// Basic authentication.
    public struct BasicAuth: Sendable, Hashable {
        public var username: String
        public var password: String

        public init(username: String, password: String) {
            self.username = username
            self.password = password
        }
    }

    /// TLS settings of `http_config.tls_config`.
    public struct TLS: Sendable, Hashable {
        /// PEM file of the CAs to trust instead of the system's.
        public var caFile: String?
        /// PEM files of a client certificate and its key.
        public var certFile: String?
        public var keyFile: String?
        /// The name to verify the server's certificate against.
        public var serverName: String?
        /// Skip verifying the server's certificate.
        public var insecureSkipVerify: Bool

        public init(caFile: String? = nil, certFile: String? = nil, keyFile: String? = nil, serverName: String? = nil, insecureSkipVerify: Bool = false) {
            self.caFile = caFile
            self.certFile = certFile
            self.keyFile = keyFile
            self.serverName = serverName
            self.insecureSkipVerify = insecureSkipVerify
        }
    }

    /// The URL the webhook is posted to.
    public var url: String
    /// `Authorization: Bearer …`.
    public var bearerToken: String?
    /// `Authorization: Basic …`.
    public var basicAuth: BasicAuth?
    /// TLS settings.
    public var tls: TLS?
    /// The Standard Webhooks signing secret (raw bytes); nil sends no signature.
    public var signingSecret: [UInt8]?
    /// How long one attempt may take.
    public var timeout: Duration

    public init(
        url: String, bearerToken: String? = nil, basicAuth: BasicAuth? = nil, tls: TLS? = nil, signingSecret: [UInt8]? = nil,
        timeout: Duration = .seconds(10)
    ) {
        self.url = url
        self.bearerToken = bearerToken
        self.basicAuth = basicAuth
        self.tls = tls
        self.signingSecret = signingSecret
        self.timeout = timeout
    }
}
