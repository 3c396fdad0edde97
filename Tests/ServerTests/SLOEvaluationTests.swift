import Alerting
import Foundation
import Hummingbird
import HummingbirdTesting
import PromQL
import Rules
import Server
import Storage
import Testing

private let slothSpec = """
    version: "prometheus/v1"
    service: "llm-inference"
    slos:
      - name: "requests-availability"
        objective: 99.9
        sli:
          events:
            error_query: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))
            total_query: sum(rate(http_requests_total[{{.window}}]))
        alerting:
          name: HighErrorRate
          page_alert:
            labels:
              severity: page
          ticket_alert:
            labels:
              severity: ticket
    """

/// SLOs run in the rule scheduler: Sloth's series are recorded (the period ratio exactly), and
/// the page and ticket alerts enter the alert state.
@Suite struct SLOEvaluationTests {
    @Test func slothSeriesAreRecordedAndAlertsFire() async throws {
        let server = try await TestServer(files: ["slo.yml": slothSpec])
        let statuses = await server.state.scheduler.status()
        #expect(statuses.map(\.group.name) == [
            "sloth-slo-sli-recordings-llm-inference-requests-availability",
            "sloth-slo-meta-recordings-llm-inference-requests-availability",
            "sloth-slo-alerts-llm-inference-requests-availability",
        ])

        // 2 hours at 15 s: 100 requests per step, 10 of them 5xx (an error ratio of 0.1).
        var batch = AppendBatch()
        batch.append(["__name__": "http_requests_total", "code": "200"], (0...480).map { ChunkSample(t: Int64($0) * 15_000, v: Double($0 * 90)) })
        batch.append(["__name__": "http_requests_total", "code": "500"], (0...480).map { ChunkSample(t: Int64($0) * 15_000, v: Double($0 * 10)) })
        _ = try await server.state.store.append(batch)

        let now: Int64 = 7_200_000
        await server.state.scheduler.tick(now: 0)
        // Four rounds: the meta group reads what the SLI group recorded and the alert group what
        // both recorded, and the groups' offsets within the minute (hashed from the temporary
        // file's path) can put a reader before its source in every round.
        for minutes in (0...3).reversed() {
            await server.state.scheduler.tick(now: now - Int64(minutes) * 60_000)
        }
        for status in await server.state.scheduler.status() {
            for rule in status.rules { #expect(rule.health == .ok, "\(rule.rule.name): \(rule.lastError ?? "")") }
        }

        let engine = Engine()
        func values(_ query: String) async throws -> [Double] {
            guard case .vector(let samples) = try await engine.instantQuery(try Parser.parse(query), at: now, reader: server.state.store) else { return [] }
            return samples.map(\.v)
        }
        for window in ["5m", "30m", "1h", "2h", "6h", "1d", "3d", "30d"] {
            let ratio = try await values("slo:sli_error:ratio_rate\(window)")
            #expect(ratio.count == 1 && abs(ratio[0] - 0.1) < 1e-12, "\(window): \(ratio)")
        }
        // Sloth writes the objective as 99.9 / 100 in Go floats: 0.9990000000000001.
        let objective = try await values("slo:objective:ratio")
        #expect(objective.count == 1 && abs(objective[0] - 0.999) < 1e-12)
        let remaining = try await values("slo:period_error_budget_remaining:ratio")
        #expect(remaining.count == 1 && abs(remaining[0] - (1 - 0.1 / 0.001)) < 1e-6)

        // The same series on /metrics, for a Prometheus scraping Burnrate and Sloth's dashboards.
        try await server.test { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains("# TYPE slo:sli_error:ratio_rate5m gauge\n"))
                #expect(text.contains("slo:objective:ratio{sloth_id=\"llm-inference-requests-availability\",sloth_service=\"llm-inference\",sloth_slo=\"requests-availability\"} 0.9990000000000001\n"))
                #expect(text.contains("sloth_slo_info{"))
                #expect(!text.contains("ALERTS"))
            }
        }

        let alerts = await server.state.scheduler.activeAlerts()
        #expect(alerts.map { $0.labels["sloth_severity"] ?? "" }.sorted() == ["page", "ticket"])
        #expect(alerts.allSatisfy { $0.phase == .firing && $0.labels["alertname"] == "HighErrorRate" })
        // The notification says why: burn rates, the conditions, the budget left.
        let page = try #require(alerts.first { $0.labels["sloth_severity"] == "page" })
        #expect(page.annotations["windows"] == "page: 1h and 5m above 14.4x, or 6h and 30m above 6x")
        #expect(page.annotations["burn_rates"] == "5m: 100x, 30m: 100x, 1h: 100x, 2h: 100x, 6h: 100x, 1d: 100x, 3d: 100x, 30d: 100x")
        #expect(page.annotations["budget_remaining"] == "-9900%")
        #expect(page.annotations["title"]?.contains("llm-inference requests-availability") == true)
        let ticket = try #require(alerts.first { $0.labels["sloth_severity"] == "ticket" })
        #expect(ticket.annotations["windows"] == "ticket: 1d and 2h above 3x, or 3d and 6h above 1x")
    }
}
