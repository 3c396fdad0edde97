import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// A real HTTP receiver on 127.0.0.1 (Hummingbird, port chosen by the system) that answers
/// each `webhook-id`'s attempts as `script` says and records what it received.
actor WebhookSink {
    struct Received: Sendable {
        var id: String
        var timestamp: String
        var signatureValid: Bool
        var userAgent: String
        var contentType: String
        var body: [UInt8]
        var status: Int
        var at: ContinuousClock.Instant
    }

    /// The answer to attempt `attempt` (0 for the first) of a `webhook-id`: a status and headers.
    typealias Script = @Sendable (_ id: String, _ attempt: Int) -> (Int, HTTPFields)

    private(set) var received: [Received] = []
    private(set) var port: Int?
    let secret: [UInt8]
    private let script: Script

    init(secret: [UInt8], script: @escaping Script) {
        self.secret = secret
        self.script = script
    }

    /// The application to run in a service group; sets `port` once listening.
    nonisolated func application() -> some ApplicationProtocol {
        let router = Router()
        router.post("hook") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 20)
            let status = await self.receive(headers: request.headers, body: Array(body.readableBytesView))
            return Response(status: .init(code: status.0), headers: status.1)
        }
        var logger = Logger(label: "sink")
        logger.logLevel = .warning
        return Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in await self.listening(on: channel.localAddress?.port) }, logger: logger)
    }

    /// The successful receptions of `id`.
    func accepted(_ id: String) -> [Received] { received.filter { $0.id == id && $0.status == 200 } }

    private func listening(on port: Int?) { self.port = port }

    private func receive(headers: HTTPFields, body: [UInt8]) -> (Int, HTTPFields) {
        let id = headers[HTTPField.Name("webhook-id")!] ?? ""
        let timestamp = headers[HTTPField.Name("webhook-timestamp")!] ?? ""
        let signature = headers[HTTPField.Name("webhook-signature")!] ?? ""
        let attempt = received.count { $0.id == id }
        let (status, answerHeaders) = script(id, attempt)
        received.append(Received(
            id: id, timestamp: timestamp, signatureValid: verify(id: id, timestamp: timestamp, signature: signature, body: body),
            userAgent: headers[.userAgent] ?? "", contentType: headers[.contentType] ?? "", body: body, status: status,
            at: .now))
        return (status, answerHeaders)
    }

    /// The receiver's check of a Standard Webhooks signature.
    private func verify(id: String, timestamp: String, signature: String, body: [UInt8]) -> Bool {
        guard signature.hasPrefix("v1,"), let mac = Data(base64Encoded: String(signature.dropFirst(3))) else { return false }
        let signed = Data("\(id).\(timestamp).".utf8) + Data(body)
        return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: signed, using: SymmetricKey(data: secret))
    }
}
