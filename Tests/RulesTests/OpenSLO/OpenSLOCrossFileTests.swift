import Testing
@testable import Rules

/// References across files, and names that must be unique per kind.
@Suite("OpenSLO references across files")
struct OpenSLOCrossFileTests {
    private let sli = """
        apiVersion: openslo/v1
        kind: SLI
        metadata: {name: avail}
        spec:
          ratioMetric:
            counter: true
            good: {metricSource: {metricSourceRef: prom, spec: {query: ok_total}}}
            total: {metricSource: {metricSourceRef: prom, spec: {query: all_total}}}
        ---
        apiVersion: openslo/v1
        kind: DataSource
        metadata: {name: prom}
        spec: {type: Prometheus, connectionDetails: {url: "http://prometheus:9090"}}
        """
    private let slo = """
        apiVersion: openslo/v1
        kind: SLO
        metadata: {name: web}
        spec:
          service: web
          indicatorRef: avail
          timeWindow: [{duration: 30d, isRolling: true}]
          budgetingMethod: Occurrences
          objectives: [{target: 0.999}]
          alertPolicies:
            - alertPolicyRef: page
        """
    private let policy = """
        - apiVersion: openslo/v1
          kind: AlertPolicy
          metadata: {name: page}
          spec:
            conditions: [{conditionRef: fast}]
            notificationTargets: [{targetRef: oncall}]
        - apiVersion: openslo/v1
          kind: AlertCondition
          metadata: {name: fast}
          spec: {severity: page, condition: {kind: burnrate, op: gt, threshold: 14.4, lookbackWindow: 1h, alertAfter: 0m}}
        - apiVersion: openslo/v1
          kind: AlertNotificationTarget
          metadata: {name: oncall}
          spec: {target: slack}
        """

    @Test("an SLO in one file uses an SLI, a DataSource and a policy from others, in any order")
    func resolvesAcrossFiles() throws {
        let result = OpenSLOTest.load(("b-slo.yaml", slo), ("a-sli.yaml", sli), ("c-policy.yaml", policy))
        #expect(result.diagnostics.isEmpty)
        let loaded = try #require(result.ruleSet.slos.first)
        #expect(loaded.alerting.policies.first?.conditions.first?.alertAfter == .zero)
        #expect(loaded.indicator.unplaced == .goodTotal(
            good: QueryTemplate("increase(ok_total[{{.window}}])", at: loaded.location).unplaced,
            total: QueryTemplate("increase(all_total[{{.window}}])", at: loaded.location).unplaced
        ))
    }

    @Test("without the other files, each reference is reported where it is written")
    func dangling() {
        let result = OpenSLOTest.load(("b-slo.yaml", slo))
        #expect(OpenSLOTest.problems(result) == [
            "6:17: v1.SLO 'web': v1.SLI 'avail' referenced at 'spec.indicatorRef' does not exist",
            "11:23: v1.SLO 'web': v1.AlertPolicy 'page' referenced at 'spec.alertPolicies[0].alertPolicyRef' does not exist",
        ])
    }

    @Test("a second object of a kind with the same name is an error at its name, in whichever file")
    func duplicates() {
        let result = OpenSLOTest.load(("a-sli.yaml", sli), ("d-sli.yaml", sli))
        #expect(result.errors.map(\.description) == [
            "d-sli.yaml:3:18: duplicate v1.SLI name 'avail': already defined at a-sli.yaml:3:18",
            "d-sli.yaml:12:18: duplicate v1.DataSource name 'prom': already defined at a-sli.yaml:12:18",
        ])
    }
}
