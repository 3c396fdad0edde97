import Foundation
import RuleTests
import Testing

@Suite struct RuleTestRunnerTests {
    /// Writes `files` into a fresh folder and returns its path.
    func folder(_ files: [String: String]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("burnrate-ruletests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory.path
    }

    static let rules = """
        groups:
          - name: g
            rules:
              - record: job:x:sum
                expr: sum by (job) (x)
              - alert: High
                expr: x > 1
                for: 2m
                labels:
                  severity: "{{ $labels.job }}-sev"
                annotations:
                  summary: "value {{ $value | humanize }}"
        """

    @Test func passingFileSucceeds() async throws {
        let dir = try folder(["r.yml": Self.rules, "t.yml": """
            rule_files: [r.yml]
            tests:
              - interval: 1m
                input_series:
                  - series: 'x{job="a"}'
                    values: "0+1x10"
                alert_rule_test:
                  - eval_time: 3m
                    alertname: High
                    exp_alerts: []
                  - eval_time: 4m
                    alertname: High
                    exp_alerts:
                      - exp_labels: {job: a, severity: a-sev}
                        exp_annotations: {summary: "value 4"}
                promql_expr_test:
                  - expr: job:x:sum
                    eval_time: 5m
                    exp_samples:
                      - labels: 'job:x:sum{job="a"}'
                        value: 5
                  - expr: ALERTS_FOR_STATE
                    eval_time: 5m
                    exp_samples:
                      - labels: 'ALERTS_FOR_STATE{alertname="High", job="a", severity="a-sev"}'
                        value: 120
            """])
        let result = await RuleTestRunner().run(file: dir + "/t.yml")
        #expect(result.passed, "\(result.standardError)")
        #expect(result.standardOutput == "Unit Testing:  \(dir)/t.yml\n  SUCCESS\n\n")
    }

    @Test func wrongExpectedValueFailsWithPromtoolWording() async throws {
        let dir = try folder(["r.yml": Self.rules, "t.yml": """
            rule_files: [r.yml]
            tests:
              - name: mytest
                interval: 1m
                input_series:
                  - series: 'x{job="a"}'
                    values: "0+1x10"
                alert_rule_test:
                  - eval_time: 4m
                    alertname: High
                    exp_alerts:
                      - exp_labels: {job: a, severity: a-sev}
                        exp_annotations: {summary: "value 1"}
                promql_expr_test:
                  - expr: job:x:sum
                    eval_time: 5m
                    exp_samples:
                      - labels: 'job:x:sum{job="a"}'
                        value: 6
            """])
        let result = await RuleTestRunner().run(file: dir + "/t.yml")
        #expect(!result.passed)
        #expect(result.failures == [
            """
                name: mytest,
                alertname: High, time: 4m, 
                    exp:[
                        0:
                          Labels:{alertname="High", job="a", severity="a-sev"}
                          Annotations:{summary="value 1"}
                        ], 
                    got:[
                        0:
                          Labels:{alertname="High", job="a", severity="a-sev"}
                          Annotations:{summary="value 4"}
                        ]
            """,
            """
                expr: "job:x:sum", time: 5m,
                    exp: {__name__="job:x:sum", job="a"} 6E+00
                    got: {__name__="job:x:sum", job="a"} 5E+00
            """,
        ])
        #expect(result.standardError.hasPrefix("  FAILED:\n"))
        #expect(result.standardOutput == "Unit Testing:  \(dir)/t.yml\n\n\n\n")
    }

    @Test func missingFileFails() async {
        let result = await RuleTestRunner().run(file: "/nonexistent/t.yml")
        #expect(result.failures == ["open /nonexistent/t.yml: no such file or directory"])
    }

    @Test func ruleErrorStopsTheGroup() async throws {
        let dir = try folder(["r.yml": """
            groups:
              - name: lim
                limit: 1
                rules:
                  - record: w:rec
                    expr: w
            """, "t.yml": """
            rule_files: [r.yml]
            tests:
              - interval: 1m
                input_series:
                  - {series: 'w{a="1"}', values: "1 1 1"}
                  - {series: 'w{a="2"}', values: "_ 1 1"}
                promql_expr_test:
                  - {expr: 'w:rec', eval_time: 2m}
            """])
        let result = await RuleTestRunner().run(file: dir + "/t.yml")
        #expect(result.failures == ["    rule: w:rec, time: 1m0s, err: exceeded limit of 1 with 2 series"])
    }
}
