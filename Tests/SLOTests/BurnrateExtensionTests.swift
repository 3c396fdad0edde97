import Foundation
import Rules
import SLO
import Testing

/// What `burnrate/v1` and OpenSLO SLOs generate beyond Sloth: latency, gauge and threshold SLIs,
/// `group_by`, `min_events`, custom windows, time slices, calendar periods.
struct BurnrateExtensionTests {
    let generator = SLORuleGenerator()
    let ids = #"{sloth_id="svc-slo", sloth_service="svc", sloth_slo="slo"}"#

    static let latency = """
    objective: 99
    sli:
      latency:
        metric: http_request_duration_seconds
        selector: 'job="checkout"'
        threshold: 0.3
    alerting:
      name: Slow
    """

    @Test func latencyIsTheShareOfRequestsAboveTheBucket() throws {
        let groups = try generator.groups(for: try Specs.burnrate(Self.latency))
        expectPromQL(groups.recording("slo:sli_error:ratio_rate5m")?.expr, """
        1 - (sum(rate(http_request_duration_seconds_bucket{job="checkout", le="0.3"}[5m]))
          / sum(rate(http_request_duration_seconds_count{job="checkout"}[5m])))
        """)
    }

    @Test func aWholeLatencyBoundMatchesBothSpellingsOfLe() throws {
        let slo = try Specs.burnrate(Self.latency.replacingOccurrences(of: "threshold: 0.3", with: "threshold: 1"))
        let groups = try generator.groups(for: slo)
        expectPromQL(groups.recording("slo:sli_error:ratio_rate1h")?.expr, #"""
        1 - (sum(rate(http_request_duration_seconds_bucket{job="checkout", le=~"1|1\\.0"}[1h]))
          / sum(rate(http_request_duration_seconds_count{job="checkout"}[1h])))
        """#)
    }

    @Test func groupByAggregatesEveryQueryByItsLabels() throws {
        let slo = try Specs.burnrate(Self.latency.replacingOccurrences(of: "objective: 99", with: "objective: 99\ngroup_by: [route, model]"))
        let groups = try generator.groups(for: slo)
        expectPromQL(groups.recording("slo:sli_error:ratio_rate30m")?.expr, """
        1 - (sum by (route, model) (rate(http_request_duration_seconds_bucket{job="checkout", le="0.3"}[30m]))
          / sum by (route, model) (rate(http_request_duration_seconds_count{job="checkout"}[30m])))
        """)
        let events = try generator.groups(for: try Specs.events("group_by: [route]"))
        expectPromQL(events.recording("slo:sli_error:ratio_rate5m")?.expr, #"""
        (sum by (route) (sum(rate(http_requests_total{code=~"5.."}[5m])))) / (sum by (route) (sum(rate(http_requests_total[5m]))))
        """#)
    }

    @Test func minEventsGuardsEveryConditionWithTheLongWindowsEventCount() throws {
        let groups = try generator.groups(for: try Specs.events("min_events: 100"))
        let page = try #require(groups.alerts.first)
        // Events counted per second by rate(): the long window's count is rate × its seconds.
        expectPromQL(page.expr, """
        (
          max(slo:sli_error:ratio_rate5m\(ids) > (14.4 * 0.0009999999999999432)) without (sloth_window)
          and max(slo:sli_error:ratio_rate1h\(ids) > (14.4 * 0.0009999999999999432)) without (sloth_window)
          and on() ((sum(rate(http_requests_total[1h]))) * 3600 >= 100)
        )
        or
        (
          max(slo:sli_error:ratio_rate30m\(ids) > (6 * 0.0009999999999999432)) without (sloth_window)
          and max(slo:sli_error:ratio_rate6h\(ids) > (6 * 0.0009999999999999432)) without (sloth_window)
          and on() ((sum(rate(http_requests_total[6h]))) * 21600 >= 100)
        )
        """)
    }

    @Test func minEventsOnALatencySLICountsWithIncreaseByGroup() throws {
        let body = Self.latency.replacingOccurrences(of: "objective: 99", with: "objective: 99\ngroup_by: [route]\nmin_events: 50")
        let groups = try generator.groups(for: try Specs.burnrate(body))
        let ticket = try #require(groups.alerts.last)
        #expect(ticket.labels["sloth_severity"] == "ticket")
        #expect(ticket.expr.contains(#"and on(route) (sum by (route) (increase(http_request_duration_seconds_count{job="checkout"}[3d])) >= 50)"#))
    }

    @Test func customWindowsReplaceTheCatalogAndChooseTheSLIWindows() throws {
        let slo = try Specs.burnrate("""
        objective: 99.9
        sli:
          events:
            error_query: sum(rate(errors_total[{{.window}}]))
            total_query: sum(rate(requests_total[{{.window}}]))
        alerting:
          name: Errors
          windows:
            - {severity: page, short: 5m, long: 1h, factor: 14.4}
            - {severity: page, short: 15m, long: 2h, budget_percent: 5}
            - {severity: ticket, short: 6h, long: 3d, factor: 1}
        """)
        let groups = try generator.groups(for: slo)
        #expect(groups.sliRecords == ["5m", "15m", "1h", "2h", "6h", "3d", "30d"].map { "slo:sli_error:ratio_rate\($0)" })
        let page = try #require(groups.alerts.first)
        // 5% of 30 days (720h) in 2h: 18.
        #expect(page.expr.contains("max(slo:sli_error:ratio_rate15m\(ids) > (18 * 0.0009999999999999432)) without (sloth_window)"))
        #expect(groups.alerts.count == 2)
        #expect(groups.alerts.last?.expr.components(separatedBy: "\nor\n").count == 1)
    }

    @Test func gaugeIsTheShareOfTimeNotGood() throws {
        let slo = try Specs.burnrate("""
        objective: 99.5
        sli:
          gauge:
            good_query: min(probe_success{job="gateway"})
        alerting:
          name: Down
        """)
        let groups = try generator.groups(for: slo)
        expectPromQL(groups.recording("slo:sli_error:ratio_rate6h")?.expr, #"1 - avg_over_time((min(probe_success{job="gateway"}))[6h:])"#)
    }

    @Test func timeslicesCountBadSlices() throws {
        let slo = try Specs.events("budgeting_method: {method: timeslices, target: 95, window: 1m}")
        let groups = try SLORuleGenerator(options: SLORuleOptions(mode: .exactPeriod)).groups(for: slo)
        // A slice is bad when its error ratio is above 1 - target; the ratio is the share of bad slices.
        expectPromQL(groups.recording("slo:sli_error:ratio_rate1h")?.expr, #"""
        avg_over_time((((sum(rate(http_requests_total{code=~"5.."}[1m]))) / (sum(rate(http_requests_total[1m])))) > bool (1 - 0.95))[1h:1m])
        """#)
    }

    @Test func disabledAlertsAndPluginSLIs() throws {
        let groups = try SLORuleGenerator(options: SLORuleOptions(alertsEnabled: false)).groups(for: try Specs.events())
        #expect(groups.map(\.name) == ["sloth-slo-sli-recordings-svc-slo", "sloth-slo-meta-recordings-svc-slo"])
        var plugin = try Specs.events()
        plugin.indicator = .plugin(id: "sloth-common/availability", options: [:])
        #expect(throws: SLORuleError.self) { try generator.groups(for: plugin) }
        var unnamed = try Specs.events()
        unnamed.alerting.name = nil
        let error = try #require(throws: SLORuleError.self) { try generator.groups(for: unnamed) }
        #expect(error.code == .missingAlertName)
    }
}
