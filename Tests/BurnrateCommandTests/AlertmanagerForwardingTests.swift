import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import Logging
import ServiceLifecycle
import Testing
import WebhookTestSupport

/// `alertmanager_configs` against Debian's Alertmanager 0.25: `burnrate serve` forwards the alert
/// a rule fires (on samples sent by remote write) to a real Alertmanager through its API v2, keeps
/// it alive there by resending, and forwards its resolution; the Alertmanager notifies both.
@Suite(.serialized) struct AlertmanagerForwardingTests {
    @Test func firingAndResolvedAlertsReachARealAlertmanager() async throws {
        let sink = RecordingSink()
        let sinkGroup = ServiceGroup(configuration: ServiceGroupConfiguration(services: [sink.application()], logger: Logger(label: "sink")))
        let sinkTask = Task { try await sinkGroup.run() }
        defer { sinkTask.cancel() }
        let sinkPort = try await sink.waitForPort()
        let alertmanager = try AlertmanagerProcess(config: """
            route:
              receiver: sink
              group_by: [alertname]
              group_wait: 1s
              group_interval: 2s
              repeat_interval: 1h
            receivers:
            - name: sink
              webhook_configs:
              - url: 'http://127.0.0.1:\(sinkPort)/am'
            """)
        try await alertmanager.waitUntilReady()

        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rules = directory.appendingPathComponent("rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        try Data("""
            groups:
              - name: forward
                interval: 1s
                rules:
                  - alert: ValueHigh
                    expr: e2e_value > 0
                    labels:
                      severity: page
                    annotations:
                      summary: 'value is {{ $value }}'
            """.utf8).write(to: rules.appendingPathComponent("forward.yml"))
        try Data("""
            global:
              evaluation_interval: 1s
              external_labels: {cluster: c1}
              external_url: http://burnrate.example
            route:
              receiver: upstream
            receivers:
            - name: upstream
              alertmanager_configs:
              - url: \(alertmanager.url)
                resend_delay: 2s
            """.utf8).write(to: directory.appendingPathComponent("burnrate.yml"))
        let port = freePort()
        let server = try ServeProcess(
            ["--config", "burnrate.yml", "--rules", "rules", "--db", "forward.sqlite", "--listen", "127.0.0.1:\(port)"], in: directory, port: port)
        try await server.waitUntilReady()
        try await NotificationCrashTests.write(server, instances: ["i0"], value: 1)

        // The Alertmanager holds the alert, valid for 4 x max(rule group interval, resend_delay) = 8 s
        // after each send, and resends keep moving its end.
        var first: [String: Any]?
        try await NotificationCrashTests.until("the alertmanager holds the alert", server) {
            first = try await Self.alerts(alertmanager).first
            return first != nil
        }
        let alert = try #require(first)
        #expect(alert["labels"] as? [String: String] == ["alertname": "ValueHigh", "instance": "i0", "severity": "page", "cluster": "c1"])
        #expect(alert["annotations"] as? [String: String] == ["summary": "value is 1"])
        #expect((alert["generatorURL"] as? String)?.hasPrefix("http://burnrate.example/graph?g0.expr=") == true)
        let firstEnd = try #require(Self.time(alert["endsAt"]))
        let updated = try #require(Self.time(alert["updatedAt"]))
        // endsAt is the send time + 8 s; the Alertmanager received it a moment after the send.
        #expect(firstEnd - updated > 6 && firstEnd - updated <= 8.001, "endsAt \(firstEnd), updatedAt \(updated)")
        try await NotificationCrashTests.until("a resend moves the alert's end", server) {
            guard let end = try await Self.alerts(alertmanager).first.flatMap({ Self.time($0["endsAt"]) }) else { return false }
            return end >= firstEnd + 2
        }
        try await NotificationCrashTests.until("the alertmanager notified the firing alert", server) {
            await sink.exchanges(on: "/am").contains { $0.request.text.contains("\"status\":\"firing\"") }
        }

        // Resolved in Burnrate: forwarded at once with its resolution time; the Alertmanager notifies it.
        try await NotificationCrashTests.write(server, instances: ["i0"], value: 0)
        try await NotificationCrashTests.until("the alertmanager notified the resolution", server) {
            await sink.exchanges(on: "/am").contains { $0.request.text.contains("\"status\":\"resolved\"") }
        }
        let resolved = try #require(await sink.exchanges(on: "/am").last)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(resolved.request.body)) as? [String: Any])
        let resolvedAlert = try #require((body["alerts"] as? [[String: Any]])?.first)
        let resolvedAt = try #require(Self.time(resolvedAlert["endsAt"]))
        #expect(resolvedAt < firstEnd + 60 && resolvedAt > updated, "endsAt \(resolvedAt)")
        #expect(Self.time(resolvedAlert["startsAt"]) == Self.time(alert["startsAt"]))
        #expect(try await Self.alerts(alertmanager).isEmpty)

        server.signal(SIGTERM)
        #expect(try await server.waitForExit() == 0)
        await alertmanager.stop()
        await sinkGroup.triggerGracefulShutdown()
        _ = await sinkTask.result
    }

    /// The Alertmanager's active alerts (`GET /api/v2/alerts`).
    static func alerts(_ alertmanager: AlertmanagerProcess) async throws -> [[String: Any]] {
        let (status, body) = try await alertmanager.request("GET", "/api/v2/alerts")
        guard status == 200 else { throw ProcessFailure("alertmanager answered \(status): \(body)") }
        return try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [[String: Any]] ?? []
    }

    /// Seconds since the epoch of an RFC 3339 time with or without a fraction.
    static func time(_ value: Any?) -> Double? {
        guard let text = value as? String else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date.timeIntervalSince1970 }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)?.timeIntervalSince1970
    }
}
