import Testing
@testable import Rules

/// Every file of `../shared/conformance/openslo` is accepted or rejected as its README says.
@Suite("OpenSLO conformance files", requiresSharedData)
struct OpenSLOConformanceTests {
    private let extracts = "openslo/OpenSLO/README-extracts/"
    private let examples = "openslo/OpenSLO/examples/"
    private let sdk = "openslo/go-sdk/pkg/openslo/"

    @Test("README alert condition: valid")
    func alertCondition() {
        let result = OpenSLOTest.loadShared(extracts + "alertcondition-example.yaml")
        #expect(result.diagnostics.isEmpty)
    }

    @Test("README objects named in CamelCase are rejected at metadata.name", arguments: [
        "alertnotificationtarget-email-example.yaml", "alertnotificationtarget-slack-example.yaml",
        "alertpolicy-ref-example.yaml", "alertpolicy-inline-condition-example.yaml",
    ])
    func camelCaseNames(file: String) {
        let result = OpenSLOTest.loadShared(extracts + file)
        #expect(!result.isValid)
        #expect(OpenSLOTest.errorPositions(result).first == "\(file):4:9")
        #expect(result.errors.first?.message.contains("is not an RFC 1123 DNS label") == true)
    }

    @Test("README alert policies also reference objects that do not exist")
    func policyReferences() {
        let result = OpenSLOTest.loadShared(extracts + "alertpolicy-ref-example.yaml")
        #expect(OpenSLOTest.problems(result).contains(
            "11:21: v1.AlertPolicy 'AlertPolicy': v1.AlertCondition 'cpu-usage-breach' referenced at 'spec.conditions[0].conditionRef' does not exist"
        ))
    }

    @Test("README data source: valid")
    func dataSource() {
        #expect(OpenSLOTest.loadShared(extracts + "datasource-example.yaml").diagnostics.isEmpty)
    }

    @Test("README SLO with an inline SLI lacks budgetingMethod and timeWindow")
    func inlineSLIExample() {
        let result = OpenSLOTest.loadShared(extracts + "slo-inline-sli-example.yaml")
        #expect(OpenSLOTest.problems(result) == [
            "7:3: v1.SLO 'foo-slo' spec: missing required field \"budgetingMethod\"",
            "7:3: v1.SLO 'foo-slo' spec: \"timeWindow\" must have exactly one item, got 0",
        ])
    }

    @Test("Occurrences example: valid, but its data source is not Prometheus (a warning)")
    func occurrences() {
        let result = OpenSLOTest.loadShared(examples + "budgeting-method/occurences-slo.yaml")
        #expect(result.isValid)
        #expect(result.ruleSet.slos.isEmpty)
        #expect(OpenSLOTest.problems(result) == [
            "17:17: warning: v1.SLO 'search-slo' is not loaded: data source type \"Any\" is not Prometheus (valid OpenSLO, but Burnrate evaluates Prometheus queries only)",
        ])
    }

    @Test("Examples with op on a ratioMetric objective are rejected at op", arguments: [
        ("budgeting-method/ratio-timeslices.yaml", "32:7", "main-page"),
        ("budgeting-method/timeslices-slo.yaml", "35:7", "service-availability"),
        ("treat-low-traffic-as-equally-important/timeslices-slo.yaml", "33:7", "service-availability"),
    ])
    func opOnRatio(file: String, position: String, name: String) {
        let result = OpenSLOTest.loadShared(examples + file)
        #expect(OpenSLOTest.problems(result) == [
            "\(position): v1.SLO '\(name)' spec.objectives[0]: \"op\" is forbidden when the indicator is a ratioMetric (op and value apply to a thresholdMetric only)",
        ])
    }

    @Test("go-sdk slos.yaml: op on an inline ratioMetric objective is rejected")
    func sdkSLOs() {
        let result = OpenSLOTest.loadShared(sdk + "v1/examples/slos.yaml")
        #expect(OpenSLOTest.errorPositions(result) == ["slos.yaml:40:9"])
    }

    @Test("go-sdk examples that stand alone are valid", arguments: [
        "alert_conditions.yaml", "alert_notification_targets.yaml", "data_sources.yaml", "slis.yaml",
    ])
    func sdkValid(file: String) {
        #expect(OpenSLOTest.loadShared(sdk + "v1/examples/" + file).diagnostics.isEmpty)
    }

    @Test("go-sdk alert_policies.yaml references targets no example defines")
    func sdkPolicies() {
        let alone = OpenSLOTest.loadShared(sdk + "v1/examples/alert_policies.yaml")
        #expect(OpenSLOTest.errorPositions(alone) == [
            "alert_policies.yaml:16:23", "alert_policies.yaml:18:20", "alert_policies.yaml:50:20", "alert_policies.yaml:66:23",
        ])
        let together = OpenSLOTest.loadShared(
            sdk + "v1/examples/alert_policies.yaml", sdk + "v1/examples/alert_conditions.yaml",
            sdk + "v1/examples/alert_notification_targets.yaml"
        )
        #expect(OpenSLOTest.problems(together) == [
            "18:20: v1.AlertPolicy 'low-priority': v1.AlertNotificationTarget 'on-call-mail-notification' referenced at 'spec.notificationTargets[0].targetRef' does not exist",
            "50:20: v1.AlertPolicy 'high-priority': v1.AlertNotificationTarget 'on-call-pd-notification' referenced at 'spec.notificationTargets[0].targetRef' does not exist",
        ])
    }

    @Test("go-sdk services.yaml defines example-service twice: valid, with a warning")
    func sdkServices() {
        let result = OpenSLOTest.loadShared(sdk + "v1/examples/services.yaml")
        #expect(result.isValid)
        let warning = result.diagnostics.first { $0.severity == .warning }
        #expect(warning?.location.line == 24)
        #expect(warning?.message.hasPrefix("duplicate v1.Service name 'example-service': already defined at ") == true)
    }

    @Test("go-sdk v1alpha slos.yaml: the Prometheus threshold SLO loads, the Datadog one is a warning")
    func sdkV1alpha() {
        let result = OpenSLOTest.loadShared(sdk + "v1alpha/examples/slos.yaml")
        #expect(result.isValid)
        #expect(result.ruleSet.slos.map(\.id) == ["web-web-latency-threshold-0"])
        let slo = result.ruleSet.slos[0]
        #expect(slo.indicator.unplaced == .threshold(query: QueryTemplate("api_server_requestMsec{host=\"*\",job=\"nginx\"}", at: slo.location).unplaced, op: .gt, value: 200))
        #expect(slo.period == .calendar(.week, timeZone: "America/New_York"))
        #expect(slo.objective == 0.98)
        #expect(OpenSLOTest.problems(result) == [
            "51:21: warning: v1alpha.SLO 'web-availability-ratio' is not loaded: source \"datadog\" is not Prometheus (valid OpenSLO, but Burnrate evaluates Prometheus queries only)",
        ])
    }
}
