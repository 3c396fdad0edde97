import Testing
@testable import Rules

/// `openslo/v1alpha` SLOs are read as Sloth reads them.
@Suite("OpenSLO v1alpha (Sloth)")
struct OpenSLOv1alphaTests {
    @Test("Sloth's integration input gives the SLO svc01-slo1-0 with a raw 1 - good/total SLI", requiresSharedData)
    func slothIntegration() throws {
        let result = OpenSLOTest.loadShared("sloth/test/integration/prometheus/testdata/in-openslo.yaml")
        #expect(result.diagnostics.isEmpty)
        let slo = try #require(result.ruleSet.slos.first)
        #expect(result.ruleSet.slos.count == 1)
        #expect(slo.id == "svc01-slo1-0")
        #expect(slo.name == "slo1-0")
        #expect(slo.service == "svc01")
        #expect(slo.description == "this is SLO1.")
        #expect(slo.objective == 0.999)
        #expect(slo.period == .rolling(.seconds(30 * 86_400)))
        #expect(slo.format == .openSLOv1alpha)
        #expect(slo.alerting == SLOAlerting.none)
        guard case .raw(let ratio) = slo.indicator else {
            Issue.record("expected a raw SLI, got \(slo.indicator)")
            return
        }
        #expect(ratio.render(window: "5m") == """
            1 - (
              (
                sum(rate(http_request_duration_seconds_count{job="myservice",code!~"(5..|429)"}[5m]))
              )
              /
              (
                sum(rate(http_request_duration_seconds_count{job="myservice"}[5m]))
              )
            )
            """)
    }

    @Test("Sloth's OpenSLO example gives one SLO per objective, with Sloth's ids", requiresSharedData)
    func slothExample() {
        let result = OpenSLOTest.loadShared("sloth/examples/openslo-kubernetes-apiserver.yml")
        #expect(result.diagnostics.isEmpty)
        #expect(result.ruleSet.slos.map(\.id) == [
            "k8s-apiserver-requests-availability-openslo-0",
            "k8s-apiserver-requests-latency-openslo-0",
            "k8s-apiserver-requests-latency-openslo-1",
        ])
        #expect(result.ruleSet.slos.map(\.objective) == [0.999, 0.99, 0.999])
    }

    @Test("a non-Prometheus source, op with ratioMetrics and a bad unit are reported where written")
    func validation() {
        let result = OpenSLOTest.load("""
            apiVersion: openslo/v1alpha
            kind: SLO
            metadata:
              name: s
            spec:
              service: svc
              budgetingMethod: Occurrences
              timeWindows:
                - unit: Days
                  count: 30
              objectives:
                - op: gt
                  target: 0.99
                  ratioMetrics:
                    good: {source: prometheus, queryType: promql, query: "sum(a)"}
                    total: {source: prometheus, queryType: promql, query: "sum(b)"}
            """)
        #expect(OpenSLOTest.problems(result) == [
            "9:13: v1alpha.SLO 's' spec.timeWindows[0]: \"unit\" must be one of Second, Day, Week, Month, Quarter, got \"Days\" (did you mean \"Day\"?)",
            "12:7: v1alpha.SLO 's' spec.objectives[0]: \"op\" is forbidden when 'ratioMetrics' is set",
        ])
    }
}
