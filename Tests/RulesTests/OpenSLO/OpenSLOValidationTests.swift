import Foundation
import Testing
@testable import Rules

/// One test per validation rule, each with the exact position of the problem.
@Suite("OpenSLO validation")
struct OpenSLOValidationTests {
    /// A valid SLO; each test changes one thing.
    static let slo = """
        apiVersion: openslo/v1
        kind: SLO
        metadata:
          name: checkout
        spec:
          service: shop
          indicator:
            metadata:
              name: checkout-ok
            spec:
              ratioMetric:
                counter: true
                good:
                  metricSource:
                    type: Prometheus
                    spec:
                      query: sum(http_requests_total{job="checkout", code!~"5.."})
                total:
                  metricSource:
                    type: Prometheus
                    spec:
                      query: sum(http_requests_total{job="checkout"})
          timeWindow:
            - duration: 30d
              isRolling: true
          budgetingMethod: Occurrences
          objectives:
            - displayName: Available
              target: 0.999
        """

    private func problems(replacing old: String, with new: String) -> [String] {
        #expect(Self.slo.contains(old), "test setup: \(old) not in the base SLO")
        return OpenSLOTest.problems(OpenSLOTest.load(Self.slo.replacingOccurrences(of: old, with: new)))
    }

    @Test("the base SLO is valid and loads")
    func base() {
        let result = OpenSLOTest.load(Self.slo)
        #expect(result.diagnostics.isEmpty)
        #expect(result.ruleSet.slos.map(\.id) == ["checkout"])
    }

    @Test("metadata.name must be an RFC 1123 DNS label")
    func name() {
        #expect(problems(replacing: "name: checkout\n", with: "name: Check_out\n") == [
            "4:9: v1.SLO 'Check_out' metadata.name \"Check_out\" is not an RFC 1123 DNS label: at most 63 lowercase letters, digits or '-', starting and ending with a letter or digit",
        ])
    }

    @Test("budgetingMethod is required and must be a known method")
    func budgetingMethod() {
        #expect(problems(replacing: "  budgetingMethod: Occurrences\n", with: "") == [
            "6:3: v1.SLO 'checkout' spec: missing required field \"budgetingMethod\"",
        ])
        #expect(problems(replacing: "budgetingMethod: Occurrences", with: "budgetingMethod: Ocurrences") == [
            "26:20: v1.SLO 'checkout' spec: \"budgetingMethod\" must be one of Occurrences, Timeslices, RatioTimeslices, got \"Ocurrences\" (did you mean \"Occurrences\"?)",
        ])
    }

    @Test("target is in [0, 1) and targetPercent in [0, 100), exactly one of them")
    func target() {
        #expect(problems(replacing: "target: 0.999", with: "target: 99.9") == [
            "29:15: v1.SLO 'checkout' spec.objectives[0]: \"target\" must be in [0, 1), got 99.9 (for a percentage use \"targetPercent\")",
        ])
        #expect(problems(replacing: "target: 0.999", with: "targetPercent: 100") == [
            "29:22: v1.SLO 'checkout' spec.objectives[0]: \"targetPercent\" must be in [0, 100), got 100",
        ])
        #expect(problems(replacing: "target: 0.999", with: "target: 0.9\n      targetPercent: 90") == [
            "30:7: v1.SLO 'checkout' spec.objectives[0]: exactly one of \"target\" and \"targetPercent\" must be given, not both",
        ])
    }

    @Test("exactly one of indicator and indicatorRef")
    func indicatorChoice() {
        #expect(problems(replacing: "  service: shop\n", with: "  service: shop\n  indicatorRef: other\n") == [
            "7:3: v1.SLO 'checkout' spec: exactly one of \"indicator\" and \"indicatorRef\" must be given, not both",
        ])
    }

    @Test("a ratioMetric needs good or bad with total")
    func ratioMetric() {
        #expect(problems(replacing: "        good:\n", with: "        bad:\n").isEmpty)
        let noNumerator = Self.slo.replacingOccurrences(of: "        good:\n          metricSource:\n            type: Prometheus\n            spec:\n              query: sum(http_requests_total{job=\"checkout\", code!~\"5..\"})\n", with: "")
        #expect(OpenSLOTest.problems(OpenSLOTest.load(noNumerator)) == [
            "12:9: v1.SLO 'checkout' spec.indicator.spec.ratioMetric: one of \"good\" or \"bad\" must be given with \"total\"",
        ])
    }

    @Test("op and value are forbidden with an inline ratioMetric, required with a thresholdMetric")
    func opAndValue() {
        #expect(problems(replacing: "target: 0.999", with: "target: 0.999\n      value: 1") == [
            "30:7: v1.SLO 'checkout' spec.objectives[0]: \"value\" is forbidden when the indicator is a ratioMetric (op and value apply to a thresholdMetric only)",
        ])
        let threshold = """
            apiVersion: openslo/v1
            kind: SLO
            metadata: {name: latency}
            spec:
              service: shop
              indicator:
                metadata: {name: p99}
                spec:
                  thresholdMetric:
                    metricSource: {type: Prometheus, spec: {query: "histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m])))"}}
              timeWindow: [{duration: 7d, isRolling: true}]
              budgetingMethod: Timeslices
              objectives:
                - target: 0.99
                  op: lt
                  timeSliceTarget: 0.9
                  timeSliceWindow: 5m
            """
        #expect(OpenSLOTest.problems(OpenSLOTest.load(threshold)) == [
            "14:7: v1.SLO 'latency' spec.objectives[0]: missing required field \"value\" (the indicator is a thresholdMetric)",
        ])
    }

    @Test("Timeslices needs timeSliceTarget and timeSliceWindow; RatioTimeslices needs timeSliceWindow")
    func timeslices() {
        #expect(problems(replacing: "budgetingMethod: Occurrences", with: "budgetingMethod: Timeslices") == [
            "28:7: v1.SLO 'checkout' spec.objectives[0]: missing required field \"timeSliceTarget\"",
            "28:7: v1.SLO 'checkout' spec.objectives[0]: missing required field \"timeSliceWindow\"",
        ])
        #expect(problems(replacing: "budgetingMethod: Occurrences", with: "budgetingMethod: RatioTimeslices") == [
            "28:7: v1.SLO 'checkout' spec.objectives[0]: missing required field \"timeSliceWindow\"",
        ])
        #expect(problems(replacing: "target: 0.999", with: "target: 0.999\n      timeSliceTarget: 0") == [
            "30:24: v1.SLO 'checkout' spec.objectives[0]: \"timeSliceTarget\" must be in (0, 1], got 0",
        ])
    }

    @Test("timeWindow: a duration shorthand, rolling or with a calendar")
    func timeWindow() {
        #expect(problems(replacing: "duration: 30d", with: "duration: 30s") == [
            "24:17: v1.SLO 'checkout' spec.timeWindow[0]: \"duration\" value \"30s\" is not a duration shorthand: expected a whole number followed by one of m (minutes), h, d, w, M (months), Q, Y, e.g. 30d or 1M (there is no seconds unit; 30s is not a whole number of minutes)",
        ])
        #expect(problems(replacing: "      isRolling: true\n", with: "") == [
            "24:7: v1.SLO 'checkout' spec.timeWindow[0]: 'calendar' must be set when 'isRolling' is false (a rolling window needs \"isRolling: true\")",
        ])
        #expect(problems(replacing: "isRolling: true", with: "isRolling: true\n      calendar: {startTime: 2024-01-01 00:00:00, timeZone: UTC}") == [
            "26:7: v1.SLO 'checkout' spec.timeWindow[0]: 'calendar' cannot be set when 'isRolling' is true",
        ])
        #expect(problems(replacing: "isRolling: true", with: "isRolling: false\n      calendar:\n        startTime: 2024-01-01\n        timeZone: Mars/Olympus") == [
            "27:20: v1.SLO 'checkout' spec.timeWindow[0].calendar: \"startTime\" must be a date and time as YYYY-MM-DD hh:mm:ss (24h, no time zone), got \"2024-01-01\"",
            "28:19: v1.SLO 'checkout' spec.timeWindow[0].calendar: \"timeZone\" \"Mars/Olympus\" is not a time zone of the IANA database (e.g. UTC, Europe/Paris)",
        ])
    }

    @Test("a calendar window Burnrate cannot represent is a warning that names the likely typo")
    func calendarMinutes() {
        let result = OpenSLOTest.load(Self.slo.replacingOccurrences(
            of: "- duration: 30d\n      isRolling: true",
            with: "- duration: 1m\n      calendar: {startTime: 2024-01-01 00:00:00, timeZone: Europe/Paris}"
        ))
        #expect(result.isValid)
        #expect(OpenSLOTest.problems(result) == [
            "24:17: warning: v1.SLO 'checkout' is not loaded: a calendar-aligned window of 1m cannot be evaluated: Burnrate supports 1d, 1w, 1M, 1Q or 1Y (\"1m\" is 1 minute(s); did you mean \"1M\", months?)",
        ])
    }

    @Test("alert conditions: kind burnrate with op, threshold and lookbackWindow")
    func alertCondition() {
        let result = OpenSLOTest.load("""
            apiVersion: openslo/v1
            kind: AlertCondition
            metadata:
              name: fast
            spec:
              condition:
                kind: burnrate
                op: greater
                lookbackWindow: 1x
                alertAfter: 5m
            """)
        #expect(OpenSLOTest.problems(result) == [
            "6:3: v1.AlertCondition 'fast' spec: missing required field \"severity\"",
            "7:5: v1.AlertCondition 'fast' spec.condition: missing required field \"threshold\"",
            "8:9: v1.AlertCondition 'fast' spec.condition: \"op\" must be one of lt, lte, gt, gte, got \"greater\"",
            "9:21: v1.AlertCondition 'fast' spec.condition: \"lookbackWindow\" value \"1x\" is not a duration shorthand: expected a whole number followed by one of m (minutes), h, d, w, M (months), Q, Y, e.g. 30d or 1M",
        ])
        let kind = OpenSLOTest.load("""
            apiVersion: openslo/v1
            kind: AlertCondition
            metadata: {name: fast}
            spec:
              severity: page
              condition: {kind: errorrate, op: gt, threshold: 2, lookbackWindow: 1h}
            """)
        #expect(OpenSLOTest.problems(kind) == [
            "6:21: v1.AlertCondition 'fast' spec.condition: \"kind\" must be burnrate, got \"errorrate\"",
        ])
    }

    @Test("an alert policy has exactly one condition and at least one target")
    func alertPolicy() {
        let result = OpenSLOTest.load("""
            apiVersion: openslo/v1
            kind: AlertPolicy
            metadata: {name: p}
            spec:
              conditions: []
            """)
        #expect(OpenSLOTest.problems(result) == [
            "5:3: v1.AlertPolicy 'p' spec: \"notificationTargets\" must have at least one target",
            "5:15: v1.AlertPolicy 'p' spec: \"conditions\" must have exactly one condition, got 0",
        ])
    }

    @Test("a Prometheus metric source needs a query; one without a type needs a DataSource")
    func metricSource() {
        #expect(problems(replacing: "query: sum(http_requests_total{job=\"checkout\"})", with: "promqlx: up") == [
            "20:13: v1.SLO 'checkout' spec.indicator.spec.ratioMetric.total.metricSource: a Prometheus metric source needs \"spec.query\" with a PromQL expression",
        ])
        #expect(problems(replacing: "            type: Prometheus\n            spec:\n              query: sum(http_requests_total{job=\"checkout\"})", with: "            metricSourceRef: prom\n            spec:\n              query: sum(http_requests_total{job=\"checkout\"})") == [
            "20:30: v1.SLO 'checkout': v1.DataSource 'prom' referenced at 'spec.indicator.spec.ratioMetric.total.metricSource.metricSourceRef' does not exist",
        ])
    }

    @Test("unknown fields are reported with a suggestion")
    func unknownField() {
        #expect(problems(replacing: "budgetingMethod:", with: "budgetMethod: x\n  budgetingMethod:") == [
            "26:3: v1.SLO 'checkout' spec: unknown field \"budgetMethod\" (did you mean \"budgetingMethod\"?)",
        ])
    }

    @Test("an unknown kind is reported at kind")
    func unknownKind() {
        let result = OpenSLOTest.load("apiVersion: openslo/v1\nkind: Slo\nmetadata: {name: a}\nspec: {}\n")
        #expect(OpenSLOTest.problems(result) == [
            "2:7: unsupported kind \"Slo\" for apiVersion openslo/v1: expected one of SLO, SLI, Service, DataSource, AlertPolicy, AlertCondition, AlertNotificationTarget (did you mean \"SLO\"?)",
        ])
    }
}
