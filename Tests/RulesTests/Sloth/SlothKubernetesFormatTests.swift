@testable import Rules
import Testing

/// Sloth's Kubernetes `PrometheusServiceLevel` loads like the prometheus/v1 spec it mirrors.
struct SlothKubernetesFormatTests {
    /// The fields two loads must agree on (locations differ between the files).
    struct Summary: Equatable {
        var id: String, objective: Double, labels: [String: String], description: String
        var queries: [String], alertName: String?, alertLabels: [String: String], annotations: [String: String]
        var page: SLOAlert?, ticket: SLOAlert?

        init(_ slo: SLO) {
            id = slo.id
            objective = slo.objective
            labels = slo.labels
            description = slo.description
            queries = switch slo.indicator {
            case .events(let errors, let total): ["events", errors.text, total.text]
            case .raw(let ratio): ["raw", ratio.text]
            default: ["other"]
            }
            alertName = slo.alerting.name
            alertLabels = slo.alerting.labels
            annotations = slo.alerting.annotations
            page = slo.alerting.page
            ticket = slo.alerting.ticket
        }
    }

    @Test(requiresSharedData) func inBaseK8sMatchesInBase() throws {
        let k8s = try SlothTestSupport.loadConformance("test/integration/prometheus/testdata/in-base-k8s.yaml")
        let plain = try SlothTestSupport.loadConformance("test/integration/prometheus/testdata/in-base.yaml")
        expectSlothClean(k8s)
        #expect(k8s.ruleSet.slos.map(\.id) == ["svc01-slo1", "svc01-slo02"])
        #expect(k8s.ruleSet.slos.allSatisfy { $0.format == .slothKubernetes })
        #expect(k8s.ruleSet.slos.map(Summary.init) == plain.ruleSet.slos.map(Summary.init))
    }

    @Test func snakeCaseKeysAreUnknownInKubernetesSpecs() {
        let result = SlothTestSupport.load("""
        apiVersion: sloth.slok.dev/v1
        kind: PrometheusServiceLevel
        metadata:
          name: svc
        spec:
          service: svc
          slos:
            - name: availability
              objective: 99.5
              sli:
                events:
                  error_query: sum(rate(errors_total[{{.window}}]))
                  totalQuery: sum(rate(requests_total[{{.window}}]))
              alerting:
                pageAlert:
                  disable: true
                ticketAlert:
                  disable: true
        """)
        expectSlothError(result, at: "spec.yml:12:11", #"unknown field "error_query" (did you mean "errorQuery"?)"#)
        expectSlothError(result, at: "spec.yml:12:11", #"missing required field "errorQuery""#)
    }

    @Test func specIsRequired() {
        let result = SlothTestSupport.load("""
        apiVersion: sloth.slok.dev/v1
        kind: PrometheusServiceLevel
        metadata:
          name: svc
        """)
        expectSlothError(result, at: "spec.yml:1:1", #"PrometheusServiceLevel: missing required field "spec""#)
    }
}
