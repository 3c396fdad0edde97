import Alerting
import Delivery
import Foundation
import Rules
import Server
import Storage
import Testing

private let pageSLO = """
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
            disable: true
    """

private let eventsConfig = """
    route:
      receiver: oncall
    receivers:
      - name: oncall
        webhook_configs:
          - url: http://127.0.0.1:1/alerts
      - name: incident-bot
        webhook_configs:
          - url: http://127.0.0.1:1/incidents
    incidents:
      receivers: [incident-bot]
    """

/// Incident events reach the receivers `incidents.receivers` names through the outbox.
@Suite struct IncidentEventsTests {
    @Test func anOpenedIncidentIsEnqueuedForTheIncidentReceiver() async throws {
        let (config, diagnostics) = ConfigLoader.parse(eventsConfig, file: "burnrate.yml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let server = try await TestServer(files: ["slo.yml": pageSLO], config: config)
        var batch = AppendBatch()
        batch.append(["__name__": "http_requests_total", "code": "200"], (0...480).map { ChunkSample(t: Int64($0) * 15_000, v: Double($0 * 90)) })
        batch.append(["__name__": "http_requests_total", "code": "500"], (0...480).map { ChunkSample(t: Int64($0) * 15_000, v: Double($0 * 10)) })
        _ = try await server.state.store.append(batch)
        await server.state.scheduler.tick(now: 0)
        await server.state.scheduler.tick(now: 7_140_000)
        await server.state.scheduler.tick(now: 7_200_000)
        await server.state.afterEvaluation(now: 7_200_000)

        let pending = try await server.state.outbox.records(in: .pending, limit: 100)
        let events = pending.filter { $0.message.id.hasPrefix("evt_") }
        #expect(events.count == 1)
        let event = try #require(events.first?.message)
        #expect(event.receiver == "incident-bot")
        #expect(event.integration == "webhook/0")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(event.body)) as? [String: Any])
        #expect(body["type"] as? String == "incident.opened")
        #expect((body["incident"] as? [String: Any]) != nil)
        // Alert notifications go to the route's receiver, not to the incident receiver.
        #expect(pending.filter { !$0.message.id.hasPrefix("evt_") }.allSatisfy { $0.message.receiver == "oncall" })
    }

    @Test func anUnknownIncidentReceiverIsAnError() {
        let (_, diagnostics) = ConfigLoader.parse("route:\n  receiver: a\nreceivers:\n  - name: a\nincidents:\n  receivers: [b]\n", file: "c.yml")
        #expect(diagnostics.map(\.description) == ["c.yml:6:15: incidents: receiver \"b\" is not defined in receivers"])
    }
}
