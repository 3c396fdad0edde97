import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import Logging
import ServiceLifecycle
import TestSupport
import Testing
import WebhookTestSupport

/// Notifications survive SIGKILL of the whole `burnrate serve` process: a rule fires on samples
/// sent by remote write, the webhook receiver fails (500, then 429 with `Retry-After`) and is
/// slow, the process is killed while notifications are decided but not delivered, restarted on
/// the same database, and a resolve follows: every notification is delivered once, none twice.
@Suite(.serialized) struct NotificationCrashTests {
    static let instances = (0..<6).map { "i\($0)" }

    @Test func notificationsAreNeitherLostNorRepeatedAcrossSIGKILL() async throws {
        let gate = HoldGate()
        // Every notification: 500, then 429 with Retry-After: 1, then 200 — held while the gate
        // is closed, and refused if the process was killed meanwhile (its connection is gone).
        let sink = RecordingSink { request in
            switch request.attempt {
            case 0: return RecordingSink.Answer(status: 500)
            case 1: return RecordingSink.Answer(status: 429, retryAfter: "1")
            default: return await gate.pass() ? .ok : RecordingSink.Answer(status: 500)
            }
        }
        let sinkGroup = ServiceGroup(configuration: ServiceGroupConfiguration(services: [sink.application()], logger: Logger(label: "sink")))
        let sinkTask = Task { try await sinkGroup.run() }
        defer { sinkTask.cancel() }
        let sinkPort = try await sink.waitForPort()

        let directory = try temporaryDirectory()
        let rules = directory.appendingPathComponent("rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        try Data("""
            groups:
              - name: e2e
                interval: 1s
                rules:
                  - alert: ValueHigh
                    expr: e2e_value > 0
                    labels:
                      severity: page
            """.utf8).write(to: rules.appendingPathComponent("e2e.yml"))
        try Data("""
            route:
              receiver: sink
              group_by: [instance]
              group_wait: 1s
              group_interval: 2s
              repeat_interval: 1h
            receivers:
            - name: sink
              webhook_configs:
              - url: http://127.0.0.1:\(sinkPort)/hook
                send_resolved: true
            """.utf8).write(to: directory.appendingPathComponent("burnrate.yml"))
        let port = freePort()
        let arguments = ["--config", "burnrate.yml", "--rules", "rules", "--db", "notify.sqlite", "--listen", "127.0.0.1:\(port)"]

        let first = try ServeProcess(arguments, in: directory, port: port)
        try await first.waitUntilReady()
        // Three alerts fire, each its own group; their notifications go through 500 and 429.
        try await Self.write(first, instances: Array(Self.instances[0..<3]), value: 1)
        try await Self.until("the first three notifications are delivered and recorded", first) {
            let status = try await Self.outbox(first)
            return await sink.acknowledged.count == 3 && status.delivered == 3
        }
        // Three more fire while the receiver holds its answers: decided, attempted, not delivered.
        await gate.close()
        try await Self.write(first, instances: Array(Self.instances[3..<6]), value: 1)
        var seen = "nothing"
        try await Self.until("three more notifications are decided and one is held by the receiver (last seen: \(seen))", first) {
            let status = try await Self.outbox(first)
            let held = await gate.waiting
            seen = "\(status), \(held) held"
            return status.pending == 3 && status.delivered == 3 && held >= 1
        }
        let beforeKill = await sink.exchanges
        first.signal(SIGKILL)
        _ = try await first.waitForExit()
        // The held requests are answered now, to a dead connection: not acknowledged.
        await gate.open(acknowledge: false)
        try await Self.until("the receiver answered the held requests", first) { await sink.inFlight == 0 }
        await gate.open(acknowledge: true)

        let second = try ServeProcess(arguments, in: directory, port: port)
        try await second.waitUntilReady()
        try await Self.until("the notifications decided before the kill are delivered", second) {
            try await Self.outbox(second).pending == 0
        }
        // A resolve after the restart.
        try await Self.write(second, instances: Self.instances, value: 0)
        try await Self.until("every alert's resolution is delivered", second) {
            let status = try await Self.outbox(second)
            return status.delivered >= 12 && status.pending == 0
        }
        let final = try await Self.outbox(second)
        second.signal(SIGTERM)
        #expect(try await second.waitForExit() == 0)

        let exchanges = await sink.exchanges
        await sinkGroup.triggerGracefulShutdown()
        _ = await sinkTask.result
        #expect(final.dead == 0)
        // Zero duplicates: each webhook-id acknowledged exactly once, and never sent again after.
        var acknowledged: [String: Int] = [:]
        for (index, exchange) in exchanges.enumerated() {
            let id = exchange.request.webhookID
            #expect(!id.isEmpty)
            if let first = acknowledged[id] {
                Issue.record("\(id) sent again after it was acknowledged (exchange \(first) and \(index))")
            }
            if (200..<300).contains(exchange.answer.status) { acknowledged[id] = index }
        }
        // Zero lost: every notification attempted before the kill was delivered after it.
        for id in Set(beforeKill.map(\.request.webhookID)) {
            #expect(acknowledged[id] != nil, "\(id), attempted before the kill, was never delivered")
        }
        // Each alert notified once firing and once resolved: nothing decided twice across the restart.
        var byInstance: [String: [String]] = [:]
        for index in acknowledged.values.sorted() {
            let object = try JSONSerialization.jsonObject(with: Data(exchanges[index].request.body)) as? [String: Any]
            let alerts = object?["alerts"] as? [[String: Any]] ?? []
            #expect(alerts.count == 1)
            let instance = (alerts.first?["labels"] as? [String: String])?["instance"] ?? "?"
            byInstance[instance, default: []].append(object?["status"] as? String ?? "?")
        }
        // Under CPU load this once failed: after the restart, groups were decided while the
        // dispatcher was still reading its notification log (see DispatcherReentrancyTests).
        #expect(
            byInstance == Dictionary(uniqueKeysWithValues: Self.instances.map { ($0, ["firing", "resolved"]) }),
            "\(Self.timeline(exchanges, killedAfter: beforeKill.count))\nfirst process:\n\(first.log)\nsecond process:\n\(second.log)")
        #expect(acknowledged.count == final.delivered)
        // The receiver's failures were retried as planned: 500, 429, then (held or not) 200.
        let resolvedIDs = exchanges.filter { $0.request.text.contains("\"status\":\"resolved\"") }.map(\.request.webhookID)
        for id in Set(resolvedIDs) {
            let attempts = exchanges.filter { $0.request.webhookID == id }
            #expect(attempts.map(\.answer.status) == [500, 429, 200], "\(id)")
            if attempts.count == 3 {
                let wait = attempts[2].request.receivedAt.timeIntervalSince(attempts[1].request.receivedAt)
                #expect(wait >= 0.99, "Retry-After: 1 not honoured for \(id): \(wait) s")
            }
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// The receiver's exchanges, one line each (index, time, webhook-id, status, instance,
    /// answer), and where the process was killed: what to read when an expectation fails.
    static func timeline(_ exchanges: [RecordingSink.Exchange], killedAfter: Int) -> String {
        var lines: [String] = []
        for (index, exchange) in exchanges.enumerated() {
            if index == killedAfter { lines.append("-- SIGKILL, restart --") }
            let object = try? JSONSerialization.jsonObject(with: Data(exchange.request.body)) as? [String: Any]
            let alerts = object?["alerts"] as? [[String: Any]] ?? []
            let instances = alerts.map { ($0["labels"] as? [String: String])?["instance"] ?? "?" }
            let status = object?["status"] as? String ?? "?"
            lines.append(
                "\(index) \(exchange.request.receivedAt.timeIntervalSince1970) \(exchange.request.webhookID) \(status) "
                    + "\(instances.joined(separator: ",")) -> \(exchange.answer.status)")
        }
        return lines.joined(separator: "\n")
    }

    /// Sends `e2e_value{instance=...} = value` now through remote write.
    static func write(_ process: ServeProcess, instances: [String], value: Double) async throws {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let body = try RemoteWriteBody.make(instances.map { (["__name__": "e2e_value", "instance": $0], [(t: now, v: value)]) })
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(process.port)/api/v1/write")!)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.setValue("application/x-protobuf", forHTTPHeaderField: "Content-Type")
        request.setValue("snappy", forHTTPHeaderField: "Content-Encoding")
        request.timeoutInterval = 30
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 204 else { throw ProcessFailure("remote write answered \(status): \(String(decoding: data, as: UTF8.self))") }
    }

    struct OutboxStatus: Decodable {
        var pending: Int
        var delivered: Int
        var dead: Int
    }

    /// `GET /api/v1/notifications/status`.
    static func outbox(_ process: ServeProcess) async throws -> OutboxStatus {
        struct Envelope: Decodable { var data: OutboxStatus }
        let (status, body) = try await process.request("/api/v1/notifications/status")
        guard status == 200 else { throw ProcessFailure("notifications/status answered \(status): \(body)") }
        return try JSONDecoder().decode(Envelope.self, from: Data(body.utf8)).data
    }

    /// Polls the real process's progress every 100 ms for up to 3 minutes (a loaded 2-core machine).
    static func until(_ what: @autoclosure () -> String, _ process: ServeProcess, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(180)
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ProcessFailure("timed out waiting until \(what()):\n\(process.log)")
    }
}

/// Holds the receiver's answers while closed; `pass()` returns whether to acknowledge.
actor HoldGate {
    private var closed = false
    private var acknowledge = true
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// How many requests are held.
    var waiting: Int { waiters.count }

    func close() { closed = true }

    /// Lets the held requests and later ones through, acknowledged or not.
    func open(acknowledge: Bool) {
        self.acknowledge = acknowledge
        closed = false
        let held = waiters
        waiters = []
        for waiter in held { waiter.resume() }
    }

    /// Waits while closed; true when the request is to be acknowledged.
    func pass() async -> Bool {
        if closed { await withCheckedContinuation { waiters.append($0) } }
        return acknowledge
    }
}
