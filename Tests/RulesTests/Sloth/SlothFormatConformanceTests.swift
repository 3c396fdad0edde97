@testable import Rules
import Testing

/// Sloth's own inputs (`../shared/conformance/sloth`) load as Sloth v0.16 reads them.
@Suite(requiresSharedData)
struct SlothFormatConformanceTests {
    @Test func inBaseLoadsTwoSLOs() throws {
        let result = try SlothTestSupport.loadConformance("test/integration/prometheus/testdata/in-base.yaml")
        expectSlothClean(result)
        let slos = result.ruleSet.slos
        try #require(slos.count == 2)

        let slo1 = slos[0]
        #expect(slo1.id == "svc01-slo1")
        #expect(slo1.name == "slo1")
        #expect(slo1.service == "svc01")
        #expect(slo1.description == "This is SLO 01.")
        #expect(slo1.objective == 0.999)
        #expect(slo1.format == .sloth)
        #expect(slo1.period == .default)
        #expect(slo1.labels == ["global01k1": "global01v1", "global02k1": "global02v1"])
        guard case .events(let errors, let total) = slo1.indicator else {
            Issue.record("slo1 should have an events SLI, got \(slo1.indicator)")
            return
        }
        #expect(errors.text == #"sum(rate(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{.window}}]))"#)
        #expect(total.text == #"sum(rate(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))"#)
        #expect(errors.location.line == 13)
        #expect(errors.location.column == 22)
        #expect(slo1.alerting.name == "myServiceAlert")
        #expect(slo1.alerting.labels == ["alert01k1": "alert01v1"])
        #expect(slo1.alerting.annotations == ["alert02k1": "alert02k2"])
        #expect(slo1.alerting.page == SLOAlert(labels: ["alert03k1": "alert03v1"]))
        #expect(slo1.alerting.ticket == SLOAlert(labels: ["alert04k1": "alert04v1"]))

        let slo2 = slos[1]
        #expect(slo2.id == "svc01-slo02")
        #expect(slo2.objective == 0.95)
        #expect(slo2.labels == ["global01k1": "global01v1", "global03k1": "global03v1"])
        guard case .raw(let ratio) = slo2.indicator else {
            Issue.record("slo02 should have a raw SLI, got \(slo2.indicator)")
            return
        }
        #expect(ratio.text.hasPrefix("sum(rate(http_request_duration_seconds_count"))
        #expect(ratio.hasWindowPlaceholder)
        #expect(slo2.alerting.page == nil)
        #expect(slo2.alerting.ticket == nil)
        #expect(slo2.alerting.name == nil)
    }

    @Test func inMultifileLoadsEveryDocument() throws {
        let result = try SlothTestSupport.loadConformance("test/integration/prometheus/testdata/in-multifile.yaml")
        expectSlothClean(result)
        #expect(result.ruleSet.slos.map(\.id) == ["svc01-slo1", "svc01-slo02", "svc02-slo1", "svc02-slo02"])
        #expect(result.ruleSet.slos.map(\.objective) == [0.999, 0.95, 0.9999, 0.95])
        #expect(result.ruleSet.slos[2].location.line == 51)
    }

    @Test func gettingStartedExample() throws {
        let result = try SlothTestSupport.loadConformance("examples/getting-started.yml")
        expectSlothClean(result)
        let slo = try #require(result.ruleSet.slos.first)
        #expect(result.ruleSet.slos.count == 1)
        #expect(slo.id == "myservice-requests-availability")
        #expect(slo.objective == 0.999)
        #expect(slo.labels == ["owner": "myteam", "repo": "myorg/myservice", "tier": "2"])
        #expect(slo.alerting.name == "MyServiceHighErrorRate")
        #expect(slo.alerting.labels == ["category": "availability"])
        #expect(slo.alerting.annotations == ["summary": "High error rate on 'myservice' requests responses"])
        #expect(slo.alerting.page?.labels == ["severity": "pageteam", "routing_key": "myteam"])
        #expect(slo.alerting.ticket?.labels == ["severity": "slack", "slack_channel": "#alerts-myteam"])
    }

    @Test func noAlertsExample() throws {
        let result = try SlothTestSupport.loadConformance("examples/no-alerts.yml")
        expectSlothClean(result)
        let slo = try #require(result.ruleSet.slos.first)
        #expect(slo.id == "myapp-http-availability")
        #expect(slo.objective == 0.9999)
        #expect(slo.alerting.page == nil && slo.alerting.ticket == nil)
        guard case .events(let errors, _) = slo.indicator else {
            Issue.record("expected an events SLI")
            return
        }
        #expect(errors.text.contains("\n"), "multi-line block scalars keep their lines")
    }

    @Test func kubernetesApiserverExample() throws {
        let result = try SlothTestSupport.loadConformance("examples/kubernetes-apiserver.yml")
        expectSlothClean(result)
        let slos = result.ruleSet.slos
        #expect(slos.map(\.id) == ["k8s-apiserver-requests-availability", "k8s-apiserver-requests-latency"])
        #expect(slos.map(\.objective) == [0.999, 0.99])
        #expect(slos.map { $0.labels["category"] } == ["availability", "latency"])
        #expect(slos.allSatisfy { $0.labels["cluster"] == "valhalla" && $0.labels["component"] == "kubernetes" })
        #expect(slos.map { $0.alerting.page?.labels["severity"] } == ["critical", "critical"])
        #expect(slos.map { $0.alerting.ticket?.labels["severity"] } == ["warning", "warning"])
        #expect(slos.allSatisfy { if case .events = $0.indicator { true } else { false } })
    }

    @Test func rawHomeWifiExample() throws {
        let result = try SlothTestSupport.loadConformance("examples/raw-home-wifi.yml")
        expectSlothClean(result)
        let slo = try #require(result.ruleSet.slos.first)
        #expect(slo.id == "home-wifi-wifi-client-satisfaction")
        #expect(slo.objective == 0.95)
        #expect(slo.alerting.name == "WifiClientSatisfaction")
        #expect(slo.alerting.page?.labels == ["severity": "home"])
        #expect(slo.alerting.ticket?.labels == ["severity": "warning"])
        guard case .raw = slo.indicator else {
            Issue.record("expected a raw SLI, got \(slo.indicator)")
            return
        }
    }

    @Test func invalidVersionIsRejectedAtTheVersion() throws {
        let path = try #require(SharedData.path("sloth/test/integration/prometheus/testdata/in-invalid-version.yaml"))
        let result = try SlothTestSupport.loadConformance("test/integration/prometheus/testdata/in-invalid-version.yaml")
        #expect(!result.isValid)
        #expect(result.ruleSet.slos.isEmpty)
        expectSlothError(result, at: "\(path):1:10", "unsupported version \"prometheus/v999\"")
    }

    @Test func badObjectiveOf101IsRejected() throws {
        let path = try #require(SharedData.path("sloth/test/integration/prometheus/testdata/validate/bad/bad-aa.yaml"))
        let result = try SlothTestSupport.loadConformance("test/integration/prometheus/testdata/validate/bad/bad-aa.yaml")
        #expect(!result.isValid)
        expectSlothError(result, at: "\(path):28:16", "objective must be greater than 0 and at most 100")
        // Sloth ignores the camelCase keys of this prometheus/v1 file silently; Burnrate reports them.
        expectSlothError(result, at: "\(path):21:7", #"unknown field "pageAlert" (did you mean "page_alert"?)"#)
        expectSlothError(result, at: "\(path):24:7", #"unknown field "ticketAlert" (did you mean "ticket_alert"?)"#)
        #expect(result.errors.count == 3, "\(SlothTestSupport.listing(result))")
    }
}
