import Foundation
import Testing
@testable import Rules

/// How OpenSLO objects map to the model: SLIs, ids, periods, budgeting, windows, files.
@Suite("OpenSLO mapping")
struct OpenSLOMappingTests {
    private func sli(_ ratio: String, objective: String = "target: 0.99") -> (SLI?, [String]) {
        let result = OpenSLOTest.load("""
            apiVersion: openslo/v1
            kind: SLO
            metadata: {name: s}
            spec:
              service: svc
              indicator:
                metadata: {name: i}
                spec:
            \(ratio)
              timeWindow: [{duration: 4w, isRolling: true}]
              budgetingMethod: Occurrences
              objectives:
                - \(objective)
            """)
        return (result.ruleSet.slos.first?.indicator.unplaced, OpenSLOTest.problems(result))
    }

    private func query(_ text: String) -> QueryTemplate { QueryTemplate(text, at: SourceLocation(file: "", line: 0, column: 0)) }

    @Test("good/total counters become goodTotal with increase over the window")
    func goodTotal() {
        let (indicator, problems) = sli("""
                  ratioMetric:
                    counter: true
                    good: {metricSource: {type: prometheus, spec: {query: 'sum by (model) (requests_total{code="200"})'}}}
                    total: {metricSource: {type: PROMETHEUS, spec: {query: 'requests_total'}}}
            """)
        #expect(problems.isEmpty)
        #expect(indicator == .goodTotal(
            good: query("sum by (model) (increase(requests_total{code=\"200\"}[{{.window}}]))"),
            total: query("increase(requests_total[{{.window}}])")
        ))
    }

    @Test("bad/total becomes events; counter false sums samples; {{.window}} queries are kept")
    func badTotal() {
        let (indicator, _) = sli("""
                  ratioMetric:
                    counter: false
                    bad: {metricSource: {type: Prometheus, spec: {query: 'sum(slow_requests)'}}}
                    total: {metricSource: {type: Prometheus, spec: {query: 'sum(rate(requests_total[{{.window}}]))'}}}
            """)
        #expect(indicator == .events(
            errors: query("sum(sum_over_time(slow_requests[{{.window}}]))"),
            total: query("sum(rate(requests_total[{{.window}}]))")
        ))
    }

    @Test("raw success ratios become 1 - ratio; failure ratios are the error ratio")
    func raw() {
        let (success, _) = sli("""
                  ratioMetric:
                    rawType: success
                    raw: {metricSource: {type: Prometheus, spec: {query: 'probe_success'}}}
            """)
        #expect(success == .raw(errorRatio: query("1 - (\n  avg_over_time(probe_success[{{.window}}])\n)")))
        let (failure, _) = sli("""
                  ratioMetric:
                    rawType: failure
                    raw: {metricSource: {type: Prometheus, spec: {query: 'error_ratio'}}}
            """)
        #expect(failure == .raw(errorRatio: query("avg_over_time(error_ratio[{{.window}}])")))
    }

    @Test("a query without {{.window}} that is not a plain selector is a warning, not loaded")
    func unwindowable() {
        let (indicator, problems) = sli("""
                  ratioMetric:
                    good: {metricSource: {type: Prometheus, spec: {query: 'sum(rate(ok_total[5m]))'}}}
                    total: {metricSource: {type: Prometheus, spec: {query: 'sum(rate(all_total[5m]))'}}}
            """)
        #expect(indicator == nil)
        #expect(problems.count == 1)
        #expect(problems == [
            "10:63: warning: v1.SLO 's' is not loaded: the query has no {{.window}} and is not a plain selector (optionally inside sum), so Burnrate cannot count it over a window; write it with {{.window}}, e.g. sum(rate(metric[{{.window}}]))",
        ])
    }

    @Test("several objectives give one SLO each, named after their display names")
    func objectives() {
        let result = OpenSLOTest.load("""
            apiVersion: openslo/v1
            kind: SLO
            metadata: {name: api, labels: {team: [a, b], cost.centre: x}}
            spec:
              service: shop
              indicator:
                metadata: {name: i}
                spec:
                  ratioMetric:
                    good: {metricSource: {type: Prometheus, spec: {query: ok_total}}}
                    total: {metricSource: {type: Prometheus, spec: {query: all_total}}}
              timeWindow: [{duration: 1M, calendar: {startTime: '2024-01-01 00:00:00', timeZone: Europe/Paris}}]
              budgetingMethod: RatioTimeslices
              objectives:
                - {displayName: Internal Goal, targetPercent: 99.9, timeSliceWindow: 5}
                - {target: 0.99, timeSliceWindow: 1h}
            """)
        #expect(result.diagnostics.isEmpty)
        #expect(result.ruleSet.slos.map(\.id) == ["api-internal-goal", "api-1"])
        #expect(result.ruleSet.slos.map(\.objective) == [0.999, 0.99])
        #expect(result.ruleSet.slos.map(\.budgeting) == [.ratioTimeslices(window: .seconds(300)), .ratioTimeslices(window: .seconds(3600))])
        #expect(result.ruleSet.slos.first?.period == .calendar(.month, timeZone: "Europe/Paris"))
        #expect(result.ruleSet.slos.first?.labels == ["team": "a,b", "cost_centre": "x"])
        #expect(result.ruleSet.slos.first?.format == .openSLO)
    }

    @Test("a DataSource gives the type of the sources that name it")
    func dataSourceType() {
        let result = OpenSLOTest.load("""
            apiVersion: openslo/v1
            kind: DataSource
            metadata: {name: dd}
            spec: {type: Datadog, connectionDetails: {apiKey: k}}
            ---
            apiVersion: openslo/v1
            kind: SLO
            metadata: {name: s}
            spec:
              service: svc
              indicator:
                metadata: {name: i}
                spec:
                  thresholdMetric: {metricSource: {metricSourceRef: dd, spec: {query: 'avg:latency{*}'}}}
              timeWindow: [{duration: 7d, isRolling: true}]
              budgetingMethod: Occurrences
              objectives: [{op: lt, value: 200, target: 0.9}]
            """)
        #expect(result.isValid)
        #expect(OpenSLOTest.problems(result) == [
            "4:14: warning: v1.SLO 's' is not loaded: data source type \"Datadog\" is not Prometheus (valid OpenSLO, but Burnrate evaluates Prometheus queries only)",
        ])
    }

    @Test("the example rule file rules/inference-openslo.yaml is valid and loads one SLO with its policy")
    func exampleRuleFile() throws {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<4 { url.deleteLastPathComponent() }
        let path = url.appendingPathComponent("rules/inference-openslo.yaml").path
        try #require(FileManager.default.fileExists(atPath: path), "rules/inference-openslo.yaml not found beside Tests/")
        let result = RuleLoader().load(paths: [path])
        #expect(result.diagnostics.isEmpty)
        let slo = try #require(result.ruleSet.slos.first)
        #expect(slo.id == "llama-availability")
        #expect(slo.service == "llm-inference")
        #expect(slo.objective == 0.995)
        #expect(slo.period == .rolling(.seconds(28 * 86_400)))
        #expect(slo.alerting.policies.map(\.name) == ["llama-availability-page"])
        #expect(slo.alerting.policies.first?.conditions.first?.threshold == 14.4)
        #expect(slo.alerting.policies.first?.notificationTargets == ["inference-oncall"])
        guard case .goodTotal(let good, _) = slo.indicator else {
            Issue.record("expected good/total, got \(slo.indicator)")
            return
        }
        #expect(good.text.hasPrefix("sum(increase(revision_request_count{"))
        #expect(good.text.hasSuffix("}[{{.window}}]))"))
    }
}
