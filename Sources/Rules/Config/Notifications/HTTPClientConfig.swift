/// The `http_config` of a webhook, as Prometheus' common HTTP client configuration writes it.
public struct HTTPClientConfig: Sendable, Hashable {
    /// `authorization`: a type (default `Bearer`) and credentials, inline or from a file.
    public struct Authorization: Sendable, Hashable {
        public var type: String
        public var credentials: String?
        public var credentialsFile: String?

        public init(type: String = "Bearer", credentials: String? = nil, credentialsFile: String? = nil) {
            self.type = type
            self.credentials = credentials
            self.credentialsFile = credentialsFile
        }
    }

    /// `basic_auth`: a user name and a password, inline or from a file.
    public struct BasicAuth: Sendable, Hashable {
        public var username: String
        public var password: String?
        public var passwordFile: String?

        public init(username: String, password: String? = nil, passwordFile: String? = nil) {
            self.username = username
            self.password = password
            self.passwordFile = passwordFile
        }
    }

    /// `tls_config`.
    public struct TLS: Sendable, Hashable {
        public var caFile: String?
        public var certFile: String?
        public var keyFile: String?
        public var serverName: String?
        public var insecureSkipVerify = false

        public init(caFile: String? = nil, certFile: String? = nil, keyFile: String? = nil, serverName: String? = nil, insecureSkipVerify: Bool = false) {
            self.caFile = caFile
            self.certFile = certFile
            self.keyFile = keyFile
            self.serverName = serverName
            self.insecureSkipVerify = insecureSkipVerify
        }
    }

    /// `authorization` (also what `bearer_token` and `bearer_token_file` are turned into).
    public var authorization: Authorization?
    /// `basic_auth`.
    public var basicAuth: BasicAuth?
    /// `tls_config`.
    public var tls: TLS?

    /// No authentication, default TLS.
    public init(authorization: Authorization? = nil, basicAuth: BasicAuth? = nil, tls: TLS? = nil) {
        self.authorization = authorization
        self.basicAuth = basicAuth
        self.tls = tls
    }
}
