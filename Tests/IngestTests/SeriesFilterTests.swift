import Ingest
import PromQL
import Rules
import Testing

@Suite struct SeriesFilterTests {
    private func ruleSet(_ text: String) throws -> RuleSet {
        let result = RuleLoader().load(files: [RuleFile(path: "r.yml", contents: text)])
        try #require(result.isValid, "\(result.diagnostics)")
        return result.ruleSet
    }

    private func labels(_ pairs: [(String, String)]) -> [(name: String, value: String)] {
        pairs.map { (name: $0.0, value: $0.1) }
    }

    @Test func keepsOnlyWhatRuleExpressionsSelect() throws {
        let filter = SeriesFilter(ruleSet: try ruleSet("""
            groups:
              - name: g
                rules:
                  - alert: Errors
                    expr: sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.1
                  - record: gpu:fb:ratio
                    expr: DCGM_FI_DEV_FB_USED{gpu!=""} / DCGM_FI_DEV_FB_FREE
            """))
        #expect(filter.keeps(metricName: "http_requests_total", labels: labels([("code", "200"), ("job", "api")])))
        #expect(!filter.keeps(metricName: "http_requests_in_flight", labels: labels([("job", "api")])))
        #expect(filter.keeps(metricName: "DCGM_FI_DEV_FB_USED", labels: labels([("gpu", "0")])))
        // gpu!="" needs a non-empty gpu label.
        #expect(!filter.keeps(metricName: "DCGM_FI_DEV_FB_USED", labels: labels([("Hostname", "n1")])))
        #expect(filter.keeps(metricName: "DCGM_FI_DEV_FB_FREE", labels: labels([])))
        #expect(filter.metricNames == ["http_requests_total", "DCGM_FI_DEV_FB_USED", "DCGM_FI_DEV_FB_FREE"])
    }

    @Test func readsSLIQueriesWithTheWindowRendered() throws {
        let filter = SeriesFilter(ruleSet: try ruleSet("""
            version: "prometheus/v1"
            service: svc
            slos:
              - name: avail
                objective: 99.9
                sli:
                  events:
                    error_query: sum(rate(vllm:request_success_total{finished_reason="abort"}[{{.window}}]))
                    total_query: sum(rate(vllm:request_success_total[{{.window}}]))
                alerting:
                  page_alert: {disable: true}
                  ticket_alert: {disable: true}
            """))
        #expect(filter.keeps(metricName: "vllm:request_success_total", labels: labels([("finished_reason", "stop")])))
        #expect(!filter.keeps(metricName: "vllm:num_requests_running", labels: labels([])))
    }

    @Test func nameRegexSelectorsAreCheckedForEverySeries() throws {
        let filter = SeriesFilter(selectors: try Parser.parse(#"count({__name__=~"node_.+", job="node"})"#).vectorSelectors)
        #expect(filter.keeps(metricName: "node_load1", labels: labels([("job", "node")])))
        #expect(!filter.keeps(metricName: "node_load1", labels: labels([("job", "other")])))
        #expect(!filter.keeps(metricName: "up", labels: labels([("job", "node")])))
    }

    @Test func keepAllKeepsEverything() {
        let filter = SeriesFilter(selectors: [], keepAll: true)
        #expect(filter.keeps(metricName: "anything", labels: labels([])))
        #expect(!SeriesFilter(selectors: []).keeps(metricName: "anything", labels: labels([])))
    }

    @Test func theRepositoryRulesSelectTheirMetrics() throws {
        let result = RuleLoader().load(paths: [repositoryRules])
        try #require(result.isValid)
        let filter = SeriesFilter(ruleSet: result.ruleSet)
        #expect(filter.metricNames.contains("vllm:num_requests_waiting"))
        #expect(filter.metricNames.contains("vllm:time_to_first_token_seconds_bucket"))
        #expect(!filter.keeps(metricName: "go_goroutines", labels: labels([])))
    }
}

private let repositoryRules: String = {
    var path = #filePath
    for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
    return path + "/rules"
}()
