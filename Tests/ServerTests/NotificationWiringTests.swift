import Alerting
import Delivery
import Foundation
import Hummingbird
import Notify
import HummingbirdTesting
import Rules
import Server
import Storage
import Testing

private let diskRules = """
    groups:
      - name: disks
        interval: 1m
        rules:
          - alert: DiskFull
            expr: disk_used_ratio > 0.9
            labels:
              severity: page
            annotations:
              summary: "{{ $labels.instance }} is full"
    """

private let notificationConfig = """
    global:
      external_labels:
        cluster: prod-eu
      external_url: https://burnrate.example.com
    route:
      receiver: oncall
      group_by: [alertname]
      group_wait: 30s
      group_interval: 5m
    receivers:
      - name: oncall
        webhook_configs:
          - url: http://127.0.0.1:1/hook
    """

/// The alerts of an evaluation reach the dispatcher and its decisions the outbox, as
/// Alertmanager's webhook payload; silences created through the API mute them.
@Suite struct NotificationWiringTests {
    static func server() async throws -> TestServer {
        let (config, diagnostics) = ConfigLoader.parse(notificationConfig, file: "burnrate.yml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let server = try await TestServer(files: ["disks.yml": diskRules], config: config)
        // 20 minutes of samples up to now: the silences API works on the wall clock.
        var batch = AppendBatch()
        batch.append(["__name__": "disk_used_ratio", "instance": "db-1"], (0...80).map { ChunkSample(t: Self.base + Int64($0) * 15_000, v: 0.95) })
        _ = try await server.state.store.append(batch)
        return server
    }

    static let base = (Int64(Date().timeIntervalSince1970 * 1000) / 60_000 - 20) * 60_000

    /// Evaluates at the group's first slot after now and passes the alerts on, as the evaluation
    /// service does; returns that slot.
    static func evaluate(_ server: TestServer) async -> Int64 {
        let next = await server.state.scheduler.tick(now: Int64(Date().timeIntervalSince1970 * 1000))
        await server.state.scheduler.tick(now: next)
        await server.state.afterEvaluation(now: next)
        return next
    }

    @Test func aFiringAlertBecomesAWebhookInTheOutboxAfterGroupWait() async throws {
        let server = try await Self.server()
        let now = await Self.evaluate(server)
        #expect(try await server.state.outbox.counts().pending == 0)
        // group_wait later the dispatcher flushes.
        await server.state.dispatcher.tick(now: now + 30_000)
        let pending = try await server.state.outbox.records(in: .pending, limit: 10)
        #expect(pending.count == 1)
        let message = try #require(pending.first?.message)
        #expect(message.receiver == "oncall")
        #expect(message.integration == "webhook/0")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(message.body)) as? [String: Any])
        #expect(body["version"] as? String == "4")
        #expect(body["status"] as? String == "firing")
        #expect(body["externalURL"] as? String == "https://burnrate.example.com")
        let alert = try #require((body["alerts"] as? [[String: Any]])?.first)
        #expect(alert["labels"] as? [String: String] == ["alertname": "DiskFull", "cluster": "prod-eu", "instance": "db-1", "severity": "page"])
        #expect(alert["annotations"] as? [String: String] == ["summary": "db-1 is full"])
        #expect(alert["endsAt"] as? String == "0001-01-01T00:00:00Z")
        #expect((alert["generatorURL"] as? String)?.hasPrefix("https://burnrate.example.com/graph?g0.expr=disk_used_ratio%20%3E%200.9") == true)
    }

    @Test func silencesCreatedThroughTheAPIMuteAlerts() async throws {
        let server = try await Self.server()
        try await server.test { client in
            let silence = #"{"matchers":[{"name":"instance","value":"db-.*","isRegex":true,"isEqual":true}],"startsAt":"2020-01-01T00:00:00Z","endsAt":"2999-01-01T00:00:00Z","createdBy":"ana","comment":"disk swap"}"#
            var id = ""
            try await client.execute(uri: "/api/v1/silences", method: .post, body: ByteBuffer(string: silence)) { response in
                #expect(response.status == .ok)
                let body = try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
                id = body["silenceID"] as? String ?? ""
            }
            #expect(!id.isEmpty)
            try await client.execute(uri: "/api/v1/silences", method: .get) { response in
                let list = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [[String: Any]]
                #expect(list?.count == 1)
                #expect((list?.first?["status"] as? [String: Any])?["state"] as? String == "active")
                #expect(list?.first?["createdBy"] as? String == "ana")
            }
            try await client.execute(uri: "/api/v1/silences", method: .post, body: ByteBuffer(string: #"{"matchers":[],"startsAt":"x","endsAt":"y","createdBy":"","comment":""}"#)) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/api/v1/silence/nope", method: .delete) { response in
                #expect(response.status == .notFound)
            }
        }
        let now = await Self.evaluate(server)
        await server.state.dispatcher.tick(now: now + 30_000)
        #expect(try await server.state.outbox.counts().pending == 0)
        // Expiring it through the API.
        try await server.test { client in
            let id = try await server.state.silences.silences().first?.id ?? ""
            try await client.execute(uri: "/api/v1/silence/\(id)", method: .delete) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/v2/silence/\(id)", method: .get) { response in
                let body = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any]
                #expect((body?["status"] as? [String: Any])?["state"] as? String == "expired")
            }
        }
    }
}

extension NotificationWiringTests {
    /// `alertmanager_configs` sends a firing alert valid for 4 x max(interval, resend_delay) with
    /// its own rule group's interval, as Prometheus does: each alert carries it.
    @Test func forwardedAlertsCarryTheirRuleGroupsInterval() async throws {
        let defaultGroup = """
            groups:
              - name: disks-default
                rules:
                  - alert: DiskAlmostFull
                    expr: disk_used_ratio > 0.8
            """
        let (config, diagnostics) = ConfigLoader.parse(
            notificationConfig.replacingOccurrences(of: "global:\n", with: "global:\n  evaluation_interval: 20s\n"), file: "burnrate.yml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let server = try await TestServer(files: ["disks.yml": diskRules, "default.yml": defaultGroup], config: config)
        var batch = AppendBatch()
        batch.append(["__name__": "disk_used_ratio", "instance": "db-1"], (0...80).map { ChunkSample(t: Self.base + Int64($0) * 15_000, v: 0.95) })
        _ = try await server.state.store.append(batch)
        // Every group evaluated at least once (the first tick only places them on their slots).
        var now = Int64(Date().timeIntervalSince1970 * 1000)
        for _ in 0..<8 { now = await server.state.scheduler.tick(now: now) }
        let forwarded = await server.state.forwardedAlerts()
        let intervals = Dictionary(forwarded.map { ($0.alert.labels["alertname"] ?? "?", $0.groupInterval) }, uniquingKeysWith: { first, _ in first })
        #expect(intervals == ["DiskFull": .seconds(60), "DiskAlmostFull": .seconds(20)])
        #expect(forwarded.map(\.alert) == (await server.state.notifiableAlerts()))
    }
}

/// The outbox's state over HTTP: counts and dead letters.
@Suite struct NotificationRoutesTests {
    @Test func statusAndDeadLetters() async throws {
        let server = try await TestServer(files: [:])
        let message = OutboxMessage(id: "msg_1", receiver: "oncall", integration: "webhook/0", groupKey: "{}:{}", body: Array("{\"a\":1}".utf8), createdAt: 1_000)
        let other = OutboxMessage(id: "msg_2", receiver: "oncall", integration: "webhook/0", groupKey: "{}:{x}", body: [], createdAt: 2_000)
        try await server.state.outbox.enqueue([message, other], log: [])
        try await server.state.outbox.record(.dead(status: 404, error: "404 Not Found"), id: "msg_1", at: 3_000)
        try await server.test { client in
            try await client.execute(uri: "/api/v1/notifications/status", method: .get) { response in
                let data = try json(response.body)["data"] as? [String: Any]
                #expect(data?["pending"] as? Int == 1)
                #expect(data?["dead"] as? Int == 1)
                #expect(data?["delivered"] as? Int == 0)
            }
            try await client.execute(uri: "/api/v1/notifications/dead-letters", method: .get) { response in
                let letters = try json(response.body)["data"] as? [[String: Any]]
                #expect(letters?.count == 1)
                #expect(letters?.first?["id"] as? String == "msg_1")
                #expect(letters?.first?["lastStatus"] as? Int == 404)
                #expect(letters?.first?["body"] as? String == "{\"a\":1}")
            }
            try await client.execute(uri: "/api/v1/notifications/dead-letters?limit=zero", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}
