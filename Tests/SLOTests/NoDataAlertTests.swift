import Alerting
import Rules
import SLO
import Storage
import Testing

@Suite struct NoDataAlertTests {
    static let spec = """
        version: "burnrate/v1"
        service: "inference"
        slos:
          - name: "availability"
            objective: 99
            sli:
              events:
                error_query: sum(rate(requests_total{code="500"}[{{.window}}]))
                total_query: sum(rate(requests_total[{{.window}}]))
            alerting:
              name: Errors
              labels: {team: ml}
              no_data: {for: 10m}
              page_alert: {labels: {severity: page}}
              ticket_alert: {labels: {severity: ticket}}
        """

    /// Evaluates the SLO's groups every minute for `minutes` and returns the firing NoData alerts.
    static func run(_ store: MemorySampleReader, minutes: Int) async throws -> [AlertState] {
        let loaded = RuleLoader().load(files: [RuleFile(path: "slo.yml", contents: spec)])
        #expect(loaded.isValid, "\(loaded.errors)")
        var evaluators = try SLOCompiler(ruleSet: loaded.ruleSet).groups(for: loaded.ruleSet.slos).groups.map {
            try RuleGroupEvaluator(group: $0.group, overrides: $0.overrides)
        }
        for minute in 0...minutes {
            for index in evaluators.indices { _ = await evaluators[index].evaluate(at: Int64(minute) * 60_000, store: store) }
        }
        return evaluators.flatMap { $0.activeAlerts(named: "ErrorsNoData") }
    }

    @Test func firesWhenTheSLIHasNoSeriesForTheDuration() async throws {
        let alerts = try await Self.run(MemorySampleReader(), minutes: 10)
        #expect(alerts.map(\.phase) == [.firing])
        let labels = try #require(alerts.first?.labels)
        #expect(labels["sloth_severity"] == "no_data")
        #expect(labels["sloth_id"] == "inference-availability")
        #expect(labels["team"] == "ml")
        #expect(try await Self.run(MemorySampleReader(), minutes: 9).map(\.phase) == [.pending])
    }

    @Test func staysQuietWhileDataFlows() async throws {
        let store = MemorySampleReader()
        await store.add(["__name__": "requests_total", "code": "200"], (0...60).map { ChunkSample(t: Int64($0) * 15_000, v: Double($0 * 10)) })
        #expect(try await Self.run(store, minutes: 12).isEmpty)
    }
}
