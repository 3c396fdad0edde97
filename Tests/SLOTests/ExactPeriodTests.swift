import Rules
import SLO
import Testing

/// `SLORuleMode.exactPeriod`: the period ratio is the SLI over the whole period; nothing else changes.
struct ExactPeriodTests {
    let sloth = SLORuleGenerator()
    let exact = SLORuleGenerator(options: SLORuleOptions(mode: .exactPeriod))

    @Test func eventsPeriodRatioIsErrorsOverTotalOfThePeriod() throws {
        let slo = try Specs.events()
        let groups = try exact.groups(for: slo)
        expectPromQL(groups.recording("slo:sli_error:ratio_rate30d")?.expr,
                     #"(sum(rate(http_requests_total{code=~"5.."}[30d]))) / (sum(rate(http_requests_total[30d])))"#)
        #expect(groups.recording("slo:sli_error:ratio_rate30d")?.labels["sloth_window"] == "30d")
    }

    @Test func slothPeriodRatioIsTheMeanOfFiveMinuteRatios() throws {
        let groups = try sloth.groups(for: try Specs.events())
        let selector = #"{sloth_id="svc-slo", sloth_service="svc", sloth_slo="slo"}"#
        expectPromQL(groups.recording("slo:sli_error:ratio_rate30d")?.expr,
                     "sum_over_time(slo:sli_error:ratio_rate5m\(selector)[30d]) / ignoring (sloth_window) count_over_time(slo:sli_error:ratio_rate5m\(selector)[30d])")
    }

    @Test func onlyThePeriodRuleDiffers() throws {
        let slo = try Specs.events()
        let ours = try exact.groups(for: slo)
        let theirs = try sloth.groups(for: slo)
        #expect(ours.map(\.name) == theirs.map(\.name))
        let differing = zip(ours.flatMap(\.rules), theirs.flatMap(\.rules)).filter { $0 != $1 }.map(\.0.name)
        #expect(differing == ["slo:sli_error:ratio_rate30d"])
    }

    @Test func rawSLIOverA28DayPeriodUsesPrometheusDurations() throws {
        let slo = try Specs.burnrate("""
        objective: 95
        period: 28d
        sli:
          raw:
            error_ratio_query: 1 - avg(avg_over_time(up[{{.window}}]))
        alerting:
          name: Down
        """)
        let groups = try exact.groups(for: slo)
        expectPromQL(groups.recording("slo:sli_error:ratio_rate4w")?.expr, "(1 - avg(avg_over_time(up[4w])))")
        expectPromQL(groups.recording("slo:time_period:days")?.expr, "vector(28)")
        // 2% of 28 days in one hour: 13.44.
        #expect(groups.alerts.first?.expr.contains("(13.44 * 0.05)") == true)
    }
}
