@testable import Rules
import Testing

/// `burnrate/v1`: each addition to the Sloth body maps onto the model; Sloth specs load unchanged.
struct BurnrateFormatTests {
    static let hour = Duration.seconds(3600)

    @Test func everyAdditionMapsOntoTheModel() throws {
        let result = SlothTestSupport.load("""
        version: "burnrate/v1"
        service: "inference"
        labels:
          team: ml-platform
        slos:
          - name: "ttft"
            objective: 99
            period:
              calendar: month
              time_zone: Europe/Berlin
            budgeting_method: occurrences
            group_by: [model_name]
            min_events: 100
            sli:
              latency:
                metric: "vllm:time_to_first_token_seconds"
                selector: '{job="vllm"}'
                threshold: 0.5
            alerting:
              name: TTFTBudgetBurn
              no_data:
                for: 10m
              windows:
                - {severity: page, short: 5m, long: 1h, factor: 14.4}
                - {severity: page, short: 30m, long: 6h, budget_percent: 5}
                - {severity: ticket, short: 6h, long: 3d, factor: 1}
        """)
        expectSlothClean(result)
        let slo = try #require(result.ruleSet.slos.first)
        #expect(slo.id == "inference-ttft")
        #expect(slo.format == .burnrate)
        #expect(slo.objective == 0.99)
        #expect(slo.labels == ["team": "ml-platform"])
        #expect(slo.period == .calendar(.month, timeZone: "Europe/Berlin"))
        #expect(slo.budgeting == .occurrences)
        #expect(slo.groupBy == ["model_name"])
        #expect(slo.minEvents == 100)
        guard case .latency(let latency) = slo.indicator else {
            Issue.record("expected a latency SLI, got \(slo.indicator)")
            return
        }
        #expect(latency.metric == "vllm:time_to_first_token_seconds")
        #expect(latency.matchers == #"job="vllm""#)
        #expect(latency.threshold == 0.5)
        #expect(latency.location.line == 16)
        #expect(slo.alerting.noDataAfter == .seconds(600))
        let windows = try #require(slo.alerting.windows)
        #expect(windows == [
            AlertWindow(severity: .page, short: .seconds(300), long: Self.hour, factor: 14.4),
            AlertWindow(severity: .page, short: .seconds(1800), long: Self.hour * 6, factor: 6),
            AlertWindow(severity: .ticket, short: Self.hour * 6, long: Self.hour * 72, factor: 1),
        ])
    }

    @Test func periodDefaultsToThirtyDaysAndAcceptsAnyDuration() {
        let defaulted = SlothTestSupport.load(Self.spec(extra: ""))
        #expect(defaulted.ruleSet.slos.first?.period == .rolling(.seconds(30 * 86400)))
        let weekly = SlothTestSupport.load(Self.spec(extra: "period: 7d"))
        expectSlothClean(weekly)
        #expect(weekly.ruleSet.slos.first?.period == .rolling(.seconds(7 * 86400)))
        let utc = SlothTestSupport.load(Self.spec(extra: "period: {calendar: week}"))
        #expect(utc.ruleSet.slos.first?.period == .calendar(.week, timeZone: "UTC"))
    }

    @Test func budgetingMethods() {
        let timeslices = SlothTestSupport.load(Self.spec(extra: "budgeting_method: {method: timeslices, target: 99.5, window: 1m}"))
        expectSlothClean(timeslices)
        #expect(timeslices.ruleSet.slos.first?.budgeting == .timeslices(target: 0.995, window: .seconds(60)))
        let ratio = SlothTestSupport.load(Self.spec(extra: "budgeting_method: {method: ratio_timeslices, window: 5m}"))
        #expect(ratio.ruleSet.slos.first?.budgeting == .ratioTimeslices(window: .seconds(300)))
        let occurrences = SlothTestSupport.load(Self.spec(extra: "budgeting_method: {method: occurrences}"))
        #expect(occurrences.ruleSet.slos.first?.budgeting == .occurrences)
    }

    @Test func gaugeNeedsNoWindowPlaceholder() throws {
        let result = SlothTestSupport.load("""
        version: "burnrate/v1"
        service: "inference"
        slos:
          - name: "up"
            objective: 99.5
            sli:
              gauge:
                good_query: min(up{job="triton"})
            alerting:
              name: TritonDown
        """)
        expectSlothClean(result)
        let slo = try #require(result.ruleSet.slos.first)
        #expect(slo.indicator == .gauge(good: QueryTemplate(#"min(up{job="triton"})"#, at: Rules.SourceLocation(file: "spec.yml", line: 8, column: 21))))
    }

    @Test(requiresSharedData, arguments: [
        "test/integration/prometheus/testdata/in-base.yaml",
        "test/integration/prometheus/testdata/in-multifile.yaml",
        "examples/getting-started.yml",
        "examples/kubernetes-apiserver.yml",
        "examples/no-alerts.yml",
        "examples/raw-home-wifi.yml",
    ])
    func slothSpecRelabelledLoadsIdentically(path: String) throws {
        let text = try SlothTestSupport.conformanceText(path)
        let sloth = SlothTestSupport.load(text)
        let relabelled = SlothTestSupport.load(text.replacingVersion(of: #"version: "prometheus/v1""#, with: #"version: "burnrate/v1""#))
        expectSlothClean(sloth)
        expectSlothClean(relabelled)
        #expect(!relabelled.ruleSet.slos.isEmpty)
        #expect(relabelled.ruleSet.slos.allSatisfy { $0.format == .burnrate })
        let asSloth = relabelled.ruleSet.slos.map { slo in
            var slo = slo
            slo.format = .sloth
            return slo
        }
        #expect(asSloth == sloth.ruleSet.slos)
    }

    /// A valid burnrate/v1 spec with `extra` as one more line of the SLO (line 6).
    static func spec(extra: String) -> String {
        """
        version: "burnrate/v1"
        service: "svc"
        slos:
          - name: "availability"
            objective: 99.9
            \(extra)
            sli:
              events:
                error_query: sum(rate(errors_total[{{.window}}]))
                total_query: sum(rate(requests_total[{{.window}}]))
            alerting:
              name: HighErrorRate
        """
    }
}

extension String {
    fileprivate func replacingVersion(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
