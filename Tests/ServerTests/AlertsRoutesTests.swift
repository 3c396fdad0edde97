import Alerting
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Server
import Storage
import TestSupport
import Rules
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

@Suite struct RuleEvaluationCoalescingTests {
    static let groups = (0..<30).map { index in
        """
          - name: g\(index)
            interval: 10s
            rules:
              - record: g\(index):one
                expr: vector(1)
        """
    }.joined(separator: "\n")

    /// Thirty groups spread over a 10 s interval, with wake-ups at least `coalescing` apart: every
    /// group is evaluated at each of its slots, the number of wake-ups, and the number of 100 ms
    /// steps of the clock holding a slot (the groups' offsets depend on the rule file's path, a
    /// temporary directory, so they differ from run to run).
    static func run(coalescing: Duration) async throws -> (wakeUps: Int, missing: [String], slotSteps: Int) {
        let server = try await TestServer(files: ["spread.yml": "groups:\n" + groups])
        let clock = ManualClock(start: 1_800_000_000_000)
        let start = clock.nowMilliseconds
        let counter = WakeUpCounter()
        let service = RuleEvaluationService(
            scheduler: server.state.scheduler, clock: clock, now: { clock.nowMilliseconds }, logger: Logger(label: "test"),
            coalescing: coalescing, onTick: { _ in await counter.count() })
        let task = Task { try await service.run() }
        // 30 s in 100 ms steps; each group's evaluations are recorded as they happen.
        var seen: [String: [Int64]] = [:]
        for _ in 0..<300 {
            await clock.waitForSleepers()
            clock.advance(by: .milliseconds(100))
            await clock.waitForSleepers()
            for status in await server.state.scheduler.status() {
                if let last = status.lastEvaluation, seen[status.group.name]?.last != last { seen[status.group.name, default: []].append(last) }
            }
        }
        task.cancel()
        _ = await task.result
        var missing: [String] = []
        var slotSteps = Set<Int64>()
        for status in await server.state.scheduler.status() {
            let schedule = GroupSchedule(key: GroupSchedule.key(of: status.group), interval: 10_000)
            var expected: [Int64] = []
            var slot = schedule.slot(after: start)
            while slot <= start + 30_000 {
                slotSteps.insert((slot - start + 99) / 100)
                // Slots up to the last second before the end (a coalesced one may still be waiting).
                if slot <= start + 29_000 { expected.append(slot) }
                slot += 10_000
            }
            let evaluated = (seen[status.group.name] ?? []).filter { $0 <= start + 29_000 }
            if evaluated != expected { missing.append("\(status.group.name): \(evaluated) != \(expected)") }
        }
        return (await counter.value, missing, slotSteps.count)
    }

    @Test func coalescedWakeUpsStillEvaluateEveryGroupAtEachOfItsSlots() async throws {
        let exact = try await Self.run(coalescing: .zero)
        let coalesced = try await Self.run(coalescing: .seconds(1))
        #expect(exact.missing.isEmpty, "\(exact.missing)")
        #expect(coalesced.missing.isEmpty, "\(coalesced.missing)")
        // Without coalescing, one wake-up at the start and one per step of the clock holding a
        // slot (slots within one 100 ms step are due together); at most one a second with it.
        #expect(exact.wakeUps == 1 + exact.slotSteps)
        #expect(exact.slotSteps > 45)
        #expect(coalesced.wakeUps <= 31)
    }
}

actor WakeUpCounter {
    private(set) var value = 0
    func count() { value += 1 }
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
