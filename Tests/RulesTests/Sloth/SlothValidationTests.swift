@testable import Rules
import Testing

/// One test per class of problem in a Sloth prometheus/v1 spec, each at its exact position.
struct SlothValidationTests {
    @Test func yamlSyntaxErrorIsReportedOnItsLine() {
        let result = RuleLoader().load(files: [RuleFile(path: "rules/broken.yml", contents: """
        version: "prometheus/v1"
        service: "svc"
        slos:
          - name: "availability"
            objective: 99.9
            sli:
              events: error_query: sum(rate(errors_total[{{.window}}]))
        """)])
        #expect(result.errors.count == 1)
        expectSlothError(result, at: "rules/broken.yml:7:26", "YAML syntax error: mapping values are not allowed")
    }

    @Test func unknownFieldSuggestsTheKnownOne() {
        let result = SlothTestSupport.load("""
        version: "prometheus/v1"
        service: "svc"
        slos:
          - name: "availability"
            objectve: 99.9
            sli:
              events:
                error_query: sum(rate(errors_total[{{.window}}]))
                total_query: sum(rate(requests_total[{{.window}}]))
            alerting:
              name: HighErrorRate
        """)
        expectSlothError(result, at: "spec.yml:5:5", #"SLO "availability": unknown field "objectve" (did you mean "objective"?)"#)
        expectSlothError(result, at: "spec.yml:4:5", #"missing required field "objective""#)
    }

    @Test func wrongTypeIsReportedAtTheValue() {
        let result = SlothTestSupport.load("""
        version: "prometheus/v1"
        service: "svc"
        labels: [team, payments]
        slos:
          - name: "availability"
            objective: 99.9
            sli:
              events:
                error_query: sum(rate(errors_total[{{.window}}]))
                total_query: sum(rate(requests_total[{{.window}}]))
            alerting:
              name: HighErrorRate
              page_alert:
                disable: "yes please"
        """)
        expectSlothError(result, at: "spec.yml:3:9", #"field "labels" must be a mapping of strings, got a sequence"#)
        expectSlothError(result, at: "spec.yml:14:18", #"field "disable" must be true or false, got a string"#)
    }

    @Test(arguments: [("0", "got 0"), ("101", "got 101"), ("-5", "got -5")])
    func objectiveOutOfRange(objective: String, fragment: String) {
        let result = SlothTestSupport.load(Self.spec(objective: objective))
        expectSlothError(result, at: "spec.yml:5:16", "objective must be greater than 0 and at most 100 (a percentage such as 99.9), \(fragment)")
        #expect(result.ruleSet.slos.isEmpty)
    }

    @Test func quotedObjectiveIsNotANumber() {
        let result = SlothTestSupport.load(Self.spec(objective: #""99.9""#))
        expectSlothError(result, at: "spec.yml:5:16", #"field "objective" must be a number (a percentage such as 99.9), got a string"#)
    }

    @Test func queryWithoutWindowPlaceholder() {
        let result = SlothTestSupport.load("""
        version: "prometheus/v1"
        service: "svc"
        slos:
          - name: "availability"
            objective: 99.9
            sli:
              events:
                error_query: sum(rate(errors_total[5m]))
                total_query: sum(rate(requests_total[{{ .window }}]))
            alerting:
              name: HighErrorRate
        """)
        expectSlothError(result, at: "spec.yml:8:22", #"sli.events: error_query must use the {{.window}} placeholder"#)
        #expect(result.errors.count == 1, "{{ .window }} with spaces is accepted, as in Sloth")
    }

    @Test func twoSLIKinds() {
        let result = SlothTestSupport.load("""
        version: "prometheus/v1"
        service: "svc"
        slos:
          - name: "availability"
            objective: 99.9
            sli:
              events:
                error_query: sum(rate(errors_total[{{.window}}]))
                total_query: sum(rate(requests_total[{{.window}}]))
              raw:
                error_ratio_query: sum(rate(errors_total[{{.window}}])) / sum(rate(requests_total[{{.window}}]))
            alerting:
              name: HighErrorRate
        """)
        expectSlothError(result, at: "spec.yml:10:7", #"SLO "availability" sli: only one SLI kind is allowed, got events and raw"#)
        #expect(result.ruleSet.slos.isEmpty)
    }

    @Test func noSLIKind() {
        let result = SlothTestSupport.load("""
        version: "prometheus/v1"
        service: "svc"
        slos:
          - name: "availability"
            objective: 99.9
            sli: {}
            alerting:
              name: HighErrorRate
        """)
        expectSlothError(result, at: "spec.yml:6:10", "sli: an SLI kind is required: one of events, raw, plugin")
    }

    @Test func missingSLI() {
        let result = SlothTestSupport.load("""
        version: "prometheus/v1"
        service: "svc"
        slos:
          - name: "availability"
            objective: 99.9
            alerting:
              name: HighErrorRate
        """)
        expectSlothError(result, at: "spec.yml:4:5", #"SLO "availability": missing required field "sli""#)
    }

    @Test func identicalErrorAndTotalQueries() {
        let result = SlothTestSupport.load("""
        version: "prometheus/v1"
        service: "svc"
        slos:
          - name: "availability"
            objective: 99.9
            sli:
              events:
                error_query: sum(rate(requests_total[{{.window}}]))
                total_query: sum(rate(requests_total[{{.window}}]))
            alerting:
              name: HighErrorRate
        """)
        expectSlothError(result, at: "spec.yml:9:22", "error_query and total_query must differ")
    }

    @Test func invalidNames() {
        let result = SlothTestSupport.load("""
        version: "prometheus/v1"
        service: "my service"
        labels:
          bad-label: x
          __name__: y
        slos:
          - name: "a"
            objective: 99.9
            sli:
              raw:
                error_ratio_query: sum(rate(errors_total[{{.window}}]))
            alerting:
              name: HighErrorRate
              annotations:
                runbook-url: https://example.com
        """)
        expectSlothError(result, at: "spec.yml:2:10", #"invalid service "my service": names must start and end with a letter or digit"#)
        expectSlothError(result, at: "spec.yml:4:3", #"invalid label name "bad-label" in labels: it must match [a-zA-Z_][a-zA-Z0-9_]*"#)
        expectSlothError(result, at: "spec.yml:5:3", #"the label "__name__" is not allowed"#)
        expectSlothError(result, at: "spec.yml:7:11", #"SLO "a": invalid SLO name "a""#)
        expectSlothError(result, at: "spec.yml:15:9", #"invalid annotation name "runbook-url""#)
    }

    @Test func emptyLabelValue() {
        let result = SlothTestSupport.load("""
        version: "prometheus/v1"
        service: "svc"
        slos:
          - name: "availability"
            objective: 99.9
            labels:
              team: ""
            sli:
              raw:
                error_ratio_query: sum(rate(errors_total[{{.window}}]))
            alerting:
              name: HighErrorRate
        """)
        expectSlothError(result, at: "spec.yml:7:13", "labels.team must not be empty")
    }

    @Test func duplicateSLONames() {
        let result = SlothTestSupport.load("""
        version: "prometheus/v1"
        service: "svc"
        slos:
          - name: "availability"
            objective: 99.9
            sli:
              raw:
                error_ratio_query: sum(rate(errors_total[{{.window}}]))
            alerting:
              name: HighErrorRate
          - name: "availability"
            objective: 99
            sli:
              raw:
                error_ratio_query: sum(rate(errors_total[{{.window}}]))
            alerting:
              name: HighErrorRate
        """)
        expectSlothError(result, at: "spec.yml:11:11", #"SLO "availability": duplicate SLO name in service "svc" (first defined at line 4, column 11)"#)
        #expect(result.errors.count == 1, "reported once, not again as a duplicate id: \(SlothTestSupport.listing(result))")
        #expect(result.ruleSet.slos.count == 1)
    }

    @Test func alertNameIsRequiredWhileAlertsAreEnabled() {
        let result = SlothTestSupport.load("""
        version: "prometheus/v1"
        service: "svc"
        slos:
          - name: "availability"
            objective: 99.9
            sli:
              raw:
                error_ratio_query: sum(rate(errors_total[{{.window}}]))
            alerting:
              ticket_alert:
                disable: true
          - name: "latency"
            objective: 99
            sli:
              raw:
                error_ratio_query: sum(rate(slow_total[{{.window}}]))
        """)
        expectSlothError(result, at: "spec.yml:10:7", #"SLO "availability" alerting: name is required while the page or ticket alert is enabled"#)
        expectSlothError(result, at: "spec.yml:12:5", #"SLO "latency": missing "alerting""#)
    }

    @Test func noSLOs() {
        let result = SlothTestSupport.load("""
        version: "prometheus/v1"
        service: "svc"
        slos: []
        """)
        expectSlothError(result, at: "spec.yml:3:7", "at least one SLO is required")
    }

    @Test func burnrateFieldsAreNotSlothFields() {
        let result = SlothTestSupport.load("""
        version: "prometheus/v1"
        service: "svc"
        slos:
          - name: "availability"
            objective: 99.9
            period: 7d
            sli:
              raw:
                error_ratio_query: sum(rate(errors_total[{{.window}}]))
            alerting:
              name: HighErrorRate
        """)
        expectSlothError(result, at: "spec.yml:6:5", #""period" is a burnrate/v1 field, not part of Sloth prometheus/v1 (write version: "burnrate/v1" to use it)"#)
        #expect(result.errors.count == 1)
    }

    @Test func pluginsLoadWithWarnings() {
        let result = SlothTestSupport.load("""
        version: "prometheus/v1"
        service: "svc"
        slo_plugins:
          chain:
            - id: "sloth.dev/core/debug/v1"
              priority: 100
              config: {msg: hello}
        slos:
          - name: "availability"
            objective: 99.9
            sli:
              plugin:
                id: "sloth-common/kubernetes/apiserver/availability"
                options:
                  filter: verb!="WATCH"
            alerting:
              name: HighErrorRate
        """)
        #expect(result.isValid, "\(SlothTestSupport.listing(result))")
        #expect(result.diagnostics.map { "\($0.location.line):\($0.location.column)" } == ["4:3", "13:9"])
        let slo = result.ruleSet.slos.first
        #expect(slo?.indicator == .plugin(id: "sloth-common/kubernetes/apiserver/availability", options: ["filter": #"verb!="WATCH""#]))
    }

    /// A valid spec with its objective written as `objective` (line 5, column 16).
    static func spec(objective: String) -> String {
        """
        version: "prometheus/v1"
        service: "svc"
        slos:
          - name: "availability"
            objective: \(objective)
            sli:
              events:
                error_query: sum(rate(errors_total[{{.window}}]))
                total_query: sum(rate(requests_total[{{.window}}]))
            alerting:
              name: HighErrorRate
        """
    }
}
