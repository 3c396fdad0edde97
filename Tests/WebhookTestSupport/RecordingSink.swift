public import Foundation
internal import HTTPTypes
public import Hummingbird
internal import Logging
internal import NIOCore

/// A real webhook receiver on 127.0.0.1 (Hummingbird, port chosen by the system): records every
/// POST, on any path, and answers as its `responder` says — which may also take its time, to play
/// a slow receiver.
public actor RecordingSink {
    /// One request received.
    public struct Request: Sendable {
        /// The URL path (`/am/oncall`).
        public var path: String
        /// The `webhook-id` header, empty when absent.
        public var webhookID: String
        /// The `user-agent` header.
        public var userAgent: String
        /// The body, byte for byte.
        public var body: [UInt8]
        /// How many earlier requests carried the same `webhook-id` (0 for the first); counts
        /// requests without the header by path instead.
        public var attempt: Int
        /// When it arrived.
        public var receivedAt: Date

        /// The body as text.
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// The answer to a request: a status and extra headers (`Retry-After`).
    public struct Answer: Sendable {
        public var status: Int
        public var retryAfter: String?

        public init(status: Int, retryAfter: String? = nil) {
            self.status = status
            self.retryAfter = retryAfter
        }

        public static let ok = Answer(status: 200)
    }

    /// A request with the answer it got.
    public struct Exchange: Sendable {
        public var request: Request
        public var answer: Answer
    }

    /// Decides the answer to a request; may suspend (a slow receiver).
    public typealias Responder = @Sendable (Request) async -> Answer

    /// Every request answered so far, in the order the answers were decided.
    public private(set) var exchanges: [Exchange] = []
    /// Requests received and not answered yet.
    public private(set) var inFlight = 0
    /// The port, once listening.
    public private(set) var port: Int?
    private var attempts: [String: Int] = [:]
    private let responder: Responder

    /// A sink answering as `responder` says (200 to everything by default).
    public init(responder: @escaping Responder = { _ in .ok }) {
        self.responder = responder
    }

    /// The application to run in a service group; sets `port` once listening.
    public nonisolated func application() -> some ApplicationProtocol {
        let router = Router()
        router.post("**") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 16 << 20)
            let received = await self.arrived(
                path: request.uri.path, webhookID: request.headers[HTTPField.Name("webhook-id")!] ?? "",
                userAgent: request.headers[.userAgent] ?? "", body: Array(body.readableBytesView))
            let answer = await self.responder(received)
            await self.answered(received, answer)
            var headers = HTTPFields()
            if let retryAfter = answer.retryAfter { headers[.retryAfter] = retryAfter }
            return Response(status: .init(code: answer.status), headers: headers)
        }
        var logger = Logger(label: "sink")
        logger.logLevel = .warning
        return Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in await self.listening(on: channel.localAddress?.port) }, logger: logger)
    }

    /// Waits (polling, up to `timeout`) until the sink listens, and returns its port.
    public func waitForPort(timeout: Duration = .seconds(180)) async throws -> Int {
        let deadline = ContinuousClock.now + timeout
        while port == nil {
            guard ContinuousClock.now < deadline else { throw SinkError("the webhook sink did not start listening") }
            try await Task.sleep(for: .milliseconds(20))
        }
        return port!
    }

    /// The exchanges on `path`, in order.
    public func exchanges(on path: String) -> [Exchange] { exchanges.filter { $0.request.path == path } }

    /// The requests answered with a 2xx, in order.
    public var acknowledged: [Request] { exchanges.filter { (200..<300).contains($0.answer.status) }.map(\.request) }

    private func listening(on port: Int?) { self.port = port }

    private func arrived(path: String, webhookID: String, userAgent: String, body: [UInt8]) -> Request {
        let key = webhookID.isEmpty ? "path:" + path : webhookID
        let attempt = attempts[key, default: 0]
        attempts[key] = attempt + 1
        inFlight += 1
        return Request(path: path, webhookID: webhookID, userAgent: userAgent, body: body, attempt: attempt, receivedAt: Date())
    }

    private func answered(_ request: Request, _ answer: Answer) {
        inFlight -= 1
        exchanges.append(Exchange(request: request, answer: answer))
    }
}
