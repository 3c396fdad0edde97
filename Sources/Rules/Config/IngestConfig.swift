/// The `ingest:` section of `burnrate.yml`: how `POST /api/v1/write` accepts data.
public struct IngestConfig: Sendable, Hashable {
    /// The largest request body accepted, compressed or decompressed; larger ones get `413`.
    public var maxBodyBytes: Int = 32 << 20
    /// Store every series received, not only those some rule reads.
    public var keepAll = false
    /// A bearer token the sender must present (`Authorization: Bearer ...`), read from a file.
    public var bearerTokenFile: String?
    /// Basic-auth credentials the sender must present.
    public var basicAuth: BasicAuth?

    /// Basic-auth credentials: a user name and a file holding the password.
    public struct BasicAuth: Sendable, Hashable {
        /// The user name.
        public var username: String
        /// The file holding the password (trailing newline ignored).
        public var passwordFile: String

        /// Creates credentials.
        public init(username: String, passwordFile: String) {
            self.username = username
            self.passwordFile = passwordFile
        }
    }

    /// The defaults: 32 MiB, only what rules read, no authentication.
    public init() {}
}
