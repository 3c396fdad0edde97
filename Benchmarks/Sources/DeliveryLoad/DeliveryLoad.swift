import ArgumentParser
import Delivery
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Storage

/// `delivery-load`: enqueues `--messages` notifications across `--groups` aggregation groups in
/// one outbox transaction (as a dispatcher does when their `group_wait` ends together), then
/// delivers them with `WebhookDeliverer` through AsyncHTTPClient to a sink on 127.0.0.1, and
/// reports the time from the enqueue to the last arrival.
@main
struct DeliveryLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delivery-load", abstract: "Time until the last of N notifications reaches a local webhook sink.")

    @Option(help: "Notifications to deliver.") var messages = 10_000
    @Option(help: "Aggregation groups they belong to (each group's are delivered in order).") var groups = 1_000
    @Option(help: "Requests in flight at once.") var concurrency = 16
    @Option(help: "Body size in bytes (Alertmanager's payload for a few alerts is 1-3 KB).") var bodyBytes = 2_000
    @Option(help: "SQLite file (default: a temporary one, deleted afterwards).") var database: String?
    @Option(help: """
        Alerts becoming active at once, spread over --groups groups (one label `group`); when set,         they go through the Dispatcher (route, group_wait, payloads) and each group's one         notification is timed from the tick that ends group_wait, instead of --messages made-up bodies.
        """) var alerts = 0

    func run() async throws {
        let logger = Logger(label: "delivery-load")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("delivery-load-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = database ?? directory.appendingPathComponent("burnrate.sqlite").path
        let outbox = SQLiteOutbox(database: try BurnrateDatabase.open(path: path, logger: logger))
        let sink = Sink(expected: alerts > 0 ? groups : messages)
        let transport = AsyncHTTPClientTransport(connectionsPerHost: concurrency)
        let deliverer = WebhookDeliverer(
            outbox: outbox, transport: transport, endpoints: [:], configuration: DeliveryConfiguration(maxConcurrency: concurrency),
            now: Sink.wallClock, logger: logger)
        let service = DeliveryService(deliverer: deliverer, outbox: outbox, clock: ContinuousClock(), now: Sink.wallClock, logger: logger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [sink.application(), service], logger: logger))
        let running = Task { try await group.run() }

        while await sink.port == nil { try await Task.sleep(for: .milliseconds(10)) }
        let port = await sink.port ?? 0
        await deliverer.update(endpoints: [
            IntegrationKey(receiver: "load", integration: "webhook/0"): WebhookEndpoint(
                url: "http://127.0.0.1:\(port)/hook", signingSecret: Array("load-secret".utf8)),
        ])
        if alerts > 0 {
            try await throughDispatcher(outbox: outbox, deliverer: deliverer, sink: sink, port: port, logger: logger)
            await group.triggerGracefulShutdown()
            try await running.value
            try await transport.shutdown()
            return
        }
        let filler = String(repeating: "x", count: max(bodyBytes - 64, 0))
        let decided = Sink.wallClock()
        let batch = (0..<messages).map { index in
            OutboxMessage(
                id: "n\(index)", receiver: "load", integration: "webhook/0", groupKey: "group-\(index % groups)",
                body: Array(#"{"version":"4","groupKey":"group-\#(index % groups)","n":\#(index),"pad":"\#(filler)"}"#.utf8),
                createdAt: decided)
        }
        let started = ContinuousClock.now
        try await outbox.enqueue(batch, log: [])
        let enqueued = ContinuousClock.now
        await sink.waitForAll()
        let last = await sink.lastArrival ?? enqueued
        let report = await sink.report(started: started)
        await group.triggerGracefulShutdown()
        try await running.value
        try await transport.shutdown()

        let result: [String: Any] = [
            "messages": messages, "groups": groups, "concurrency": concurrency, "body_bytes": bodyBytes,
            "enqueue_ms": Self.milliseconds(started.duration(to: enqueued)),
            "last_arrival_ms": Self.milliseconds(started.duration(to: last)),
            "notifications_per_second": Double(messages) / max(Self.milliseconds(started.duration(to: last)) / 1000, 0.001),
            "arrival_p50_ms": report.p50, "arrival_p99_ms": report.p99,
            "duplicates": report.duplicates, "out_of_order_groups": report.outOfOrder,
        ]
        let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys, .prettyPrinted])
        print(String(decoding: json, as: UTF8.self))
        if report.duplicates > 0 || report.outOfOrder > 0 { throw ExitCode(3) }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
