import Rules
import Testing

@Suite struct PrometheusRuleFormatTests {
    private func load(_ text: String) -> LoadResult {
        RuleLoader().load(files: [RuleFile(path: "p.yml", contents: text)])
    }

    private func firstError(_ text: String) -> Diagnostic? {
        load(text).errors.first
    }

    @Test func loadsRecordingAndAlertingRules() throws {
        let result = load("""
            groups:
              - name: serving
                interval: 30s
                limit: 10
                rules:
                  - record: job:vllm_requests:rate5m
                    expr: sum by (job) (rate(vllm:request_success_total[5m]))
                    labels:
                      team: ml
                  - alert: QueueDeep
                    expr: vllm:num_requests_waiting > 100
                    for: 5m
                    keep_firing_for: 1m
                    labels:
                      severity: page
                    annotations:
                      summary: "{{ $labels.model_name }} queue is {{ $value }}"
            """)
        #expect(result.isValid, "\(result.diagnostics)")
        let group = try #require(result.ruleSet.groups.first)
        #expect(group.name == "serving")
        #expect(group.interval == .seconds(30))
        #expect(group.limit == 10)
        #expect(group.rules.count == 2)
        guard case .recording(let recording) = group.rules[0], case .alerting(let alerting) = group.rules[1] else {
            Issue.record("wrong rule kinds")
            return
        }
        #expect(recording.record == "job:vllm_requests:rate5m")
        #expect(recording.labels == ["team": "ml"])
        #expect(recording.location.line == 6)
        #expect(alerting.alert == "QueueDeep")
        #expect(alerting.for == .seconds(300))
        #expect(alerting.keepFiringFor == .seconds(60))
        #expect(alerting.annotations["summary"] == "{{ $labels.model_name }} queue is {{ $value }}")
    }

    @Test func emptyGroupName() {
        let error = firstError("groups:\n  - name: ''\n    rules: []\n")
        #expect(error?.location.line == 2)
        #expect(error?.message.contains("groupname must not be empty") == true)
    }

    @Test func repeatedGroupName() {
        let error = firstError("groups:\n  - name: a\n    rules: []\n  - name: a\n    rules: []\n")
        #expect(error?.location.line == 4)
        #expect(error?.message.contains("groupname: \"a\" is repeated in the same file") == true)
    }

    @Test func neitherRecordNorAlert() {
        let error = firstError("groups:\n  - name: a\n    rules:\n      - expr: up\n")
        #expect(error?.location == SourceLocation(file: "p.yml", line: 4, column: 9))
        #expect(error?.message.contains("one of 'record' or 'alert' must be set") == true)
    }

    @Test func bothRecordAndAlert() {
        let error = firstError("groups:\n  - name: a\n    rules:\n      - record: a\n        alert: b\n        expr: up\n")
        #expect(error?.message.contains("only one of 'record' and 'alert' must be set") == true)
    }

    @Test func missingExpr() {
        let error = firstError("groups:\n  - name: a\n    rules:\n      - alert: X\n")
        #expect(error?.message.contains("field 'expr' must be set in rule") == true)
    }

    @Test func invalidRecordingRuleName() {
        let error = firstError("groups:\n  - name: a\n    rules:\n      - record: 1bad\n        expr: up\n")
        #expect(error?.location == SourceLocation(file: "p.yml", line: 4, column: 17))
        #expect(error?.message.contains("invalid recording rule name: 1bad") == true)
    }

    @Test func recordingRulesHaveNoForOrAnnotations() {
        let result = load("groups:\n  - name: a\n    rules:\n      - record: a:b\n        expr: up\n        for: 5m\n        annotations: {x: y}\n")
        #expect(result.errors.count == 2)
        #expect(result.errors.allSatisfy { $0.message.contains("in recording rule") })
    }

    @Test func invalidLabelAndAnnotationNames() {
        let result = load("groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up\n        labels: {bad-name: x}\n        annotations: {0x: y}\n")
        #expect(result.errors.contains { $0.message.contains("invalid label name: bad-name") && $0.location.line == 6 })
        #expect(result.errors.contains { $0.message.contains("invalid annotation name: 0x") && $0.location.line == 7 })
    }

    @Test func invalidDuration() {
        let error = firstError("groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up\n        for: 5 minutes\n")
        #expect(error?.location == SourceLocation(file: "p.yml", line: 6, column: 14))
        #expect(error?.message.contains("invalid duration for 'for'") == true)
    }

    @Test func unknownFieldWithDidYouMean() {
        let error = firstError("groups:\n  - name: a\n    rules:\n      - alert: A\n        expresion: up\n        expr: up\n")
        #expect(error?.location == SourceLocation(file: "p.yml", line: 5, column: 9))
        #expect(error?.message.contains("unknown field \"expresion\" (did you mean \"expr\"?)") == true)
    }

    @Test func wrongTypes() {
        let result = load("groups:\n  - name: a\n    limit: many\n    rules: {}\n")
        #expect(result.errors.contains { $0.message.contains("field \"limit\" must be an integer, got a string") && $0.location.line == 3 })
        #expect(result.errors.contains { $0.message.contains("field \"rules\" must be a sequence, got a mapping") && $0.location.line == 4 })
    }

    @Test func duplicateKeys() {
        let error = firstError("groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up\n        expr: down\n")
        #expect(error?.location.line == 6)
        #expect(error?.message.contains("duplicate key \"expr\"") == true)
    }
}
