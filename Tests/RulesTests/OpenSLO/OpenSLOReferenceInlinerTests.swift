import Testing
@testable import Rules

/// The go-sdk `ReferenceInliner` test data: references resolve to what the inlined output says.
@Suite("OpenSLO references (go-sdk inline test data)", requiresSharedData)
struct OpenSLOReferenceInlinerTests {
    private let data = "openslo/go-sdk/pkg/openslosdk/test_data/inline/"

    @Test("the input with references gives the same SLOs as the inlined output")
    func inlinedEqualsReferenced() {
        let input = OpenSLOTest.loadShared(data + "inputs/v1_slo.yaml")
        let output = OpenSLOTest.loadShared(data + "outputs/v1_slo.yaml")
        #expect(input.diagnostics.isEmpty)
        #expect(output.diagnostics.isEmpty)
        #expect(input.ruleSet.slos.map(\.id) == ["my-slo-1", "my-slo-2"])
        #expect(input.ruleSet.slos.map(\.unplaced) == output.ruleSet.slos.map(\.unplaced))
    }

    @Test("the resolved SLO carries its policies, conditions and targets")
    func resolvedPolicies() throws {
        let result = OpenSLOTest.loadShared(data + "inputs/v1_slo.yaml")
        let slo = try #require(result.ruleSet.slos.last)
        #expect(slo.alerting.policies.map(\.name) == ["single-referenced-object", "mix-of-referenced-and-inlined-objects"])
        #expect(slo.alerting.policies.map(\.notificationTargets) == [["devs-email-notification"], ["pd-on-call-notification"]])
        #expect(slo.alerting.policies[0].conditions == [
            AlertCondition(name: "cpu-usage-breach", severity: "page", op: .lte, threshold: 2, lookbackWindow: .seconds(3600), alertAfter: .seconds(300)),
        ])
        #expect(slo.alerting.page == nil && slo.alerting.ticket == nil)
        #expect(slo.budgeting == .timeslices(target: 0.95, window: .seconds(60)))
        #expect(slo.period == .calendar(.week, timeZone: "America/New_York"))
        #expect(slo.indicator.unplaced == .threshold(
            query: QueryTemplate("sum(min_over_time(kafka_consumergroup_lag{k8s_cluster=\"prod\", consumergroup=\"annotator\", topic=\"annotator-in\"}[2m]))\n", at: slo.location).unplaced,
            op: .gt, value: 1
        ))
    }

    @Test("a missing SLI is reported at indicatorRef in the go-sdk's words")
    func missingSLI() {
        let result = OpenSLOTest.loadShared(data + "inputs/v1_slo_invalid_sli.yaml")
        #expect(OpenSLOTest.problems(result) == [
            "7:19: v1.SLO 'my-slo': v1.SLI 'no-sli' referenced at 'spec.indicatorRef' does not exist",
        ])
        #expect(result.ruleSet.slos.isEmpty)
    }

    @Test("a missing notification target is reported at targetRef in the go-sdk's words")
    func missingTarget() {
        let result = OpenSLOTest.loadShared(data + "inputs/v1_slo_invalid_target.yaml")
        #expect(OpenSLOTest.problems(result).first ==
            "32:26: v1.SLO 'my-slo': v1.AlertNotificationTarget 'devs-email-notification' referenced at 'spec.alertPolicies[0].spec.notificationTargets[1].targetRef' does not exist")
        // Once my-sli (a thresholdMetric) is resolved, the objective's missing value is reported too.
        #expect(OpenSLOTest.problems(result).dropFirst() == [
            "41:9: v1.SLO 'my-slo' spec.objectives[0]: missing required field \"value\" (the indicator is a thresholdMetric)",
        ])
    }
}
