import Delivery
import Foundation
import HTTPTypes
import Logging
import ServiceLifecycle
import Storage
import Testing

/// The deliverer against a real HTTP receiver on 127.0.0.1, through AsyncHTTPClient, from an
/// outbox in a SQLite file, in real time (the receiver is a real server).
@Suite struct EndToEndTests {
    typealias F = DeliveryFixtures

    private static func wallClock() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }

    @Test func failuresThenTooManyRequestsThenRecoveryDeliverEachNotificationExactlyOnce() async throws {
        let transport = AsyncHTTPClientTransport()
        do {
            try await run(transport: transport)
        } catch {
            try await transport.shutdown()
            throw error
        }
        try await transport.shutdown()
    }

    private func run(transport: AsyncHTTPClientTransport) async throws {
        let secret = Array("e2e-secret".utf8)
        // Every notification: a 500, then a 429 with Retry-After: 1, then a 200.
        let sink = WebhookSink(secret: secret) { _, attempt in
            switch attempt {
            case 0: (500, [:])
            case 1: (429, [.retryAfter: "1"])
            default: (200, [:])
            }
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("delivery-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let logger = Logger(label: "e2e")
        let database = try BurnrateDatabase.open(path: directory.appendingPathComponent("burnrate.sqlite").path, logger: logger)
        let outbox = SQLiteOutbox(database: database)
        let policy = RetryPolicy(initialBackoff: .milliseconds(50), maxBackoff: .milliseconds(200), maxAge: .seconds(60))
        let deliverer = WebhookDeliverer(
            outbox: outbox, transport: transport, endpoints: [:],
            configuration: DeliveryConfiguration(maxConcurrency: 4, retryPolicy: policy, userAgent: "Burnrate/e2e"),
            now: Self.wallClock, logger: logger)
        let service = DeliveryService(
            deliverer: deliverer, outbox: outbox, clock: ContinuousClock(), now: Self.wallClock, pollInterval: .seconds(1), logger: logger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [sink.application(), service], logger: logger))
        let running = Task { try await group.run() }
        defer { running.cancel() }

        let port = try await Self.port(of: sink)
        let hook = "http://127.0.0.1:\(port)/hook"
        // webhook/1 first points where nothing listens: connection errors until it is fixed.
        await deliverer.update(endpoints: [
            IntegrationKey(receiver: "team", integration: "webhook/0"): WebhookEndpoint(url: hook, signingSecret: secret),
            IntegrationKey(receiver: "team", integration: "webhook/1"): WebhookEndpoint(
                url: "http://127.0.0.1:1/hook", signingSecret: secret, timeout: .seconds(1)),
        ])
        let now = Self.wallClock()
        var messages: [OutboxMessage] = []
        for index in 0..<3 {
            for group in ["a", "b", "c", "d"] { messages.append(F.message("\(group)\(index)", group: group, at: now)) }
        }
        let refused = F.message("r0", group: "r", integration: "webhook/1", at: now)
        try await outbox.enqueue(messages + [refused], log: [])

        try await Self.until("the refused message failed twice") { (try await outbox.record(id: "r0"))?.attempts ?? 0 >= 2 }
        #expect(try await outbox.record(id: "r0")?.lastStatus == nil)
        #expect(try await outbox.record(id: "r0")?.lastError?.isEmpty == false)
        await deliverer.update(endpoints: [
            IntegrationKey(receiver: "team", integration: "webhook/0"): WebhookEndpoint(url: hook, signingSecret: secret),
            IntegrationKey(receiver: "team", integration: "webhook/1"): WebhookEndpoint(url: hook, signingSecret: secret),
        ])
        try await Self.until("every message is delivered") { try await outbox.counts() == OutboxCounts(pending: 0, delivered: 13, dead: 0) }

        let received = await sink.received
        for message in messages + [refused] {
            let attempts = received.filter { $0.id == message.id }
            // Exactly one success per webhook-id, after a 500 and a 429.
            #expect(attempts.map(\.status) == [500, 429, 200], "\(message.id)")
            #expect(await sink.accepted(message.id).count == 1)
            if attempts.count == 3 {
                // Retry-After: 1 honoured (the sink's own clock).
                #expect(attempts[1].at.duration(to: attempts[2].at) >= .milliseconds(990), "\(message.id)")
                #expect(attempts[2].body == message.body)
            }
            // r0's connection errors were attempts too.
            let recorded = try await outbox.record(id: message.id)?.attempts ?? 0
            #expect(message.id == "r0" ? recorded >= 5 : recorded == 3, "\(message.id)")
        }
        #expect(received.allSatisfy { $0.signatureValid && $0.userAgent == "Burnrate/e2e" && $0.contentType == "application/json" })
        // Each group's notifications succeeded in order.
        let successes = received.filter { $0.status == 200 }.map(\.id)
        for group in ["a", "b", "c", "d"] {
            #expect(successes.filter { $0.hasPrefix(group) } == (0..<3).map { "\(group)\($0)" })
        }

        await group.triggerGracefulShutdown()
        try await running.value
    }

    private static func port(of sink: WebhookSink) async throws -> Int {
        try await until("the sink listens") { await sink.port != nil }
        return try #require(await sink.port)
    }

    /// Polls a real process's progress every 20 ms for up to 3 minutes (a loaded 2-core CI machine).
    private static func until(_ what: String, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(180)
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("timed out waiting until \(what)")
        throw CancellationError()
    }
}
