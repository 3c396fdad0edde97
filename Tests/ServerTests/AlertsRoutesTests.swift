import Alerting
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Server
import Storage
import TestSupport
import Testing

private let queueAlert = """
    groups:
      - name: queue
        interval: 1m
        rules:
          - alert: QueueBacklog
            expr: vllm_waiting > 10
            labels:
              severity: ticket
            annotations:
              summary: "{{ $labels.model }} has {{ $value }} waiting"
          - record: model:waiting:max
            expr: max by (model) (vllm_waiting)
    """

@Suite struct AlertsRoutesTests {
    /// Stores 12 waiting requests for model llama from t = 0 on and evaluates the group once.
    static func evaluatedServer() async throws -> (TestServer, slot: Int64) {
        let server = try await TestServer(files: ["queue.yml": queueAlert])
        var batch = AppendBatch()
        batch.append(["__name__": "vllm_waiting", "model": "llama"], (0...40).map { ChunkSample(t: Int64($0) * 15_000, v: 12) })
        _ = try await server.state.store.append(batch)
        let key = try #require(await server.state.scheduler.status().first.map { GroupSchedule.key(of: $0.group) })
        let slot = GroupSchedule(key: key, interval: 60_000).slot(after: 300_000)
        await server.state.scheduler.tick(now: 300_000)
        await server.state.scheduler.tick(now: slot)
        return (server, slot)
    }

    @Test func firingAlertsInPrometheusShape() async throws {
        let (server, slot) = try await Self.evaluatedServer()
        try await server.test { client in
            try await client.execute(uri: "/api/v1/alerts", method: .get) { response in
                #expect(response.status == .ok)
                let body = try json(response.body)
                #expect(body["status"] as? String == "success")
                let alerts = try #require((body["data"] as? [String: Any])?["alerts"] as? [[String: Any]])
                #expect(alerts.count == 1)
                let alert = try #require(alerts.first)
                #expect(alert["labels"] as? [String: String] == ["alertname": "QueueBacklog", "model": "llama", "severity": "ticket"])
                #expect(alert["annotations"] as? [String: String] == ["summary": "llama has 12 waiting"])
                #expect(alert["state"] as? String == "firing")
                #expect(alert["value"] as? String == "1.2e+01")
                #expect(alert["activeAt"] as? String == RFC3339Format.expected(slot))
                #expect(alert["keepFiringSince"] == nil)
            }
        }
    }

    @Test func rulesShowStateHealthAndAlerts() async throws {
        let (server, slot) = try await Self.evaluatedServer()
        try await server.test { client in
            try await client.execute(uri: "/api/v1/rules", method: .get) { response in
                let data = try #require(try json(response.body)["data"] as? [String: Any])
                let group = try #require((data["groups"] as? [[String: Any]])?.first)
                #expect(group["lastEvaluation"] as? String == RFC3339Format.expected(slot))
                let rules = try #require(group["rules"] as? [[String: Any]])
                #expect(rules[0]["state"] as? String == "firing")
                #expect(rules[0]["health"] as? String == "ok")
                #expect((rules[0]["alerts"] as? [[String: Any]])?.first?["state"] as? String == "firing")
                #expect(rules[1]["health"] as? String == "ok")
                #expect(rules[1]["lastEvaluation"] as? String == RFC3339Format.expected(slot))
            }
            // The recorded series is queryable.
            try await client.execute(uri: "/api/v1/query?query=model:waiting:max&time=\(Double(slot) / 1000)", method: .get) { response in
                let data = try #require(try json(response.body)["data"] as? [String: Any])
                let result = try #require(data["result"] as? [[String: Any]])
                #expect((result.first?["value"] as? [Any])?.last as? String == "12")
            }
        }
    }

    @Test func noAlertsBeforeAnyEvaluation() async throws {
        let server = try await TestServer(files: ["queue.yml": queueAlert])
        try await server.test { client in
            try await client.execute(uri: "/api/v1/alerts", method: .get) { response in
                let alerts = (try json(response.body)["data"] as? [String: Any])?["alerts"] as? [Any]
                #expect(alerts?.isEmpty == true)
            }
        }
    }
}

@Suite struct RuleEvaluationServiceTests {
    @Test func evaluatesAtEachSlotOnTheInjectedClock() async throws {
        let server = try await TestServer(files: ["queue.yml": queueAlert])
        let clock = ManualClock(start: 1_800_000_000_000)
        let service = RuleEvaluationService(
            scheduler: server.state.scheduler, clock: clock, now: { clock.nowMilliseconds }, logger: Logger(label: "test"))
        let task = Task { try await service.run() }
        let key = try #require(await server.state.scheduler.status().first.map { GroupSchedule.key(of: $0.group) })
        let schedule = GroupSchedule(key: key, interval: 60_000)
        let first = schedule.slot(after: clock.nowMilliseconds)

        await clock.waitForSleepers()
        #expect(await server.state.scheduler.status().first?.lastEvaluation == nil)
        // Up to just before the slot: nothing runs.
        clock.advance(by: .milliseconds(first - clock.nowMilliseconds - 1))
        await clock.waitForSleepers()
        #expect(await server.state.scheduler.status().first?.lastEvaluation == nil)
        for step in 0..<3 {
            clock.advance(by: .milliseconds(schedule.slot(after: clock.nowMilliseconds) - clock.nowMilliseconds))
            await clock.waitForSleepers()
            #expect(await server.state.scheduler.status().first?.lastEvaluation == first + Int64(step) * 60_000)
        }
        task.cancel()
        _ = await task.result
    }
}

/// Prometheus' time format, computed independently of the server's formatter.
enum RFC3339Format {
    static func expected(_ milliseconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        var text = formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
        // Go drops a zero fraction and trailing zeros.
        text = text.replacingOccurrences(of: ".000Z", with: "Z")
        while text.contains(".") && text.hasSuffix("0Z") { text = String(text.dropLast(2)) + "Z" }
        return text
    }
}
