internal import AsyncHTTPClient
internal import NIOCore
internal import NIOHTTP1
internal import NIOSSL

/// The `HTTPTransport` of the service, on AsyncHTTPClient: connections pooled per host (and TLS
/// settings), redirects not followed, TLS from the endpoint's `tls_config` (CA file, client
/// certificate and key, `insecure_skip_verify`; `server_name` is not supported by the client and
/// is ignored). Call `shutdown()` when done.
public final class AsyncHTTPClientTransport: HTTPTransport {
    /// The largest part of an answer's body kept for an error message.
    static let bodyPrefixLimit = 512

    private let client: HTTPClient

    /// A transport with its own client on the shared event loop group, allowing up to
    /// `connectionsPerHost` concurrent connections to one host.
    public init(connectionsPerHost: Int = 16) {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .disabled
        configuration.connectionPool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connectionsPerHost)
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// See `HTTPTransport.send(_:)`.
    public func send(_ request: WebhookRequest) async throws -> WebhookResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = .POST
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        if let tls = request.tls { outgoing.tlsConfiguration = try Self.configuration(tls) }
        let response = try await client.execute(outgoing, timeout: TimeAmount(request.timeout))
        var prefix: [UInt8] = []
        // Read to the end, so that the connection can be reused; keep the start.
        for try await chunk in response.body where prefix.count < Self.bodyPrefixLimit {
            prefix += chunk.readableBytesView.prefix(Self.bodyPrefixLimit - prefix.count)
        }
        return WebhookResponse(
            status: Int(response.status.code), headers: response.headers.map { HTTPHeader($0.name, $0.value) },
            body: String(decoding: prefix, as: UTF8.self))
    }

    /// Closes the client's connections.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    private static func configuration(_ tls: WebhookEndpoint.TLS) throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let caFile = tls.caFile { configuration.trustRoots = .file(caFile) }
        if let certFile = tls.certFile {
            configuration.certificateChain = try NIOSSLCertificate.fromPEMFile(certFile).map { .certificate($0) }
        }
        if let keyFile = tls.keyFile { configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: keyFile, format: .pem)) }
        if tls.insecureSkipVerify { configuration.certificateVerification = .none }
        return configuration
    }
}
