import Delivery
import Foundation
import HTTPTypes
import Logging
import ServiceLifecycle
import Storage
import Testing

/// The issue's target at test scale, opt-in (`BURNRATE_DELIVERY_LOAD=1`): 10,000 notifications
/// across 1,000 groups enqueued in one transaction, delivered through AsyncHTTPClient to a real
/// sink on 127.0.0.1; each `webhook-id` arrives exactly once, each group in order. Prints the
/// time to the last arrival. (The release figure comes from `Benchmarks/`' `delivery-load`.)
@Suite(.enabled(if: ProcessInfo.processInfo.environment["BURNRATE_DELIVERY_LOAD"] == "1"))
struct DeliveryLoadTests {
    @Test func tenThousandNotificationsAcrossAThousandGroups() async throws {
        let count = Int(ProcessInfo.processInfo.environment["BURNRATE_DELIVERY_LOAD_MESSAGES"] ?? "") ?? 10_000
        let groups = 1_000
        let sink = WebhookSink(secret: []) { _, _ in (200, [:]) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("delivery-load-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var logger = Logger(label: "load")
        logger.logLevel = .warning
        let outbox = SQLiteOutbox(database: try BurnrateDatabase.open(path: directory.appendingPathComponent("b.sqlite").path, logger: logger))
        let transport = AsyncHTTPClientTransport()
        let wallClock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }
        let deliverer = WebhookDeliverer(outbox: outbox, transport: transport, endpoints: [:], now: wallClock, logger: logger)
        let service = DeliveryService(deliverer: deliverer, outbox: outbox, clock: ContinuousClock(), now: wallClock, logger: logger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [sink.application(), service], logger: logger))
        let running = Task { try await group.run() }
        while await sink.port == nil { try await Task.sleep(for: .milliseconds(10)) }
        let port = await sink.port ?? 0
        await deliverer.update(endpoints: [
            IntegrationKey(receiver: "load", integration: "webhook/0"): WebhookEndpoint(
                url: "http://127.0.0.1:\(port)/hook", signingSecret: Array("load".utf8)),
        ])
        let pad = String(repeating: "x", count: 1_900)
        let decided = wallClock()
        let messages = (0..<count).map { index in
            OutboxMessage(
                id: "n\(index)", receiver: "load", integration: "webhook/0", groupKey: "group-\(index % groups)",
                body: Array(#"{"n":\#(index),"pad":"\#(pad)"}"#.utf8), createdAt: decided)
        }
        let started = ContinuousClock.now
        try await outbox.enqueue(messages, log: [])
        let enqueued = ContinuousClock.now
        let deadline = started + .seconds(300)
        while await sink.received.count < count, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        let received = await sink.received
        let last = received.map(\.at).max() ?? enqueued
        print("delivery-load (debug build): \(count) notifications, \(groups) groups: enqueue \(started.duration(to: enqueued)), last arrival \(started.duration(to: last))")
        await group.triggerGracefulShutdown()
        try await running.value
        try await transport.shutdown()

        #expect(received.count == count)
        #expect(Set(received.map(\.id)).count == count)
        var lastIndex: [Int: Int] = [:]
        var outOfOrder = 0
        for arrival in received {
            let index = Int(arrival.id.dropFirst()) ?? 0
            if let previous = lastIndex[index % groups], previous > index { outOfOrder += 1 }
            lastIndex[index % groups] = index
        }
        #expect(outOfOrder == 0)
    }
}
