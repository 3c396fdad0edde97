import Foundation
import Rules
import SLO
import Testing

/// Calendar periods: the period window is the time since the period began, given per evaluation.
struct CalendarPeriodTests {
    static func date(_ text: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: text))
    }

    static func monthly(_ zone: String = "UTC") throws -> SLO {
        try Specs.events("period: {calendar: month, time_zone: \(zone)}")
    }

    @Test func periodWindowIsTheTimeSinceTheMonthBegan() throws {
        let rule = try SLORuleGenerator(options: SLORuleOptions(mode: .exactPeriod))
            .periodWindowRule(for: try Self.monthly(), at: try Self.date("2024-03-15T12:00:00Z"))
        #expect(rule.record == "slo:sli_error:ratio_rate_month")
        #expect(rule.labels["sloth_window"] == "month")
        expectPromQL(rule.expr, #"(sum(rate(http_requests_total{code=~"5.."}[14d12h]))) / (sum(rate(http_requests_total[14d12h])))"#)
    }

    @Test func slothModeAveragesTheFiveMinuteRatiosSinceThePeriodBegan() throws {
        let rule = try SLORuleGenerator().periodWindowRule(for: try Self.monthly(), elapsed: .seconds(3 * 86_400))
        #expect(rule.expr.contains("[3d])"))
        #expect(rule.expr.hasPrefix("sum_over_time(slo:sli_error:ratio_rate5m{"))
    }

    @Test func theStartFollowsTheTimeZone() throws {
        // 22:30 UTC on 31 March 2024 is 00:30 on 1 April in Berlin (CEST, UTC+2).
        let time = try Self.date("2024-03-31T22:30:00Z")
        #expect(CalendarPeriod.elapsed(.month, at: time, timeZone: "Europe/Berlin") == .seconds(1800))
        #expect(CalendarPeriod.elapsed(.month, at: time, timeZone: "UTC") == .seconds(30 * 86_400 + 22 * 3600 + 1800))
        // ISO weeks start on Monday: Wednesday 2024-05-15 noon is 2 days 12 hours in.
        #expect(CalendarPeriod.elapsed(.week, at: try Self.date("2024-05-15T12:00:00Z"), timeZone: "UTC") == .seconds(2 * 86_400 + 12 * 3600))
        // The third quarter starts on 1 July.
        #expect(CalendarPeriod.start(of: .quarter, containing: try Self.date("2024-08-02T00:00:00Z"), timeZone: "UTC") == (try Self.date("2024-07-01T00:00:00Z")))
        #expect(CalendarPeriod.elapsed(.day, at: try Self.date("2024-08-02T06:00:00Z"), timeZone: "UTC") == .seconds(6 * 3600))
        #expect(CalendarPeriod.start(of: .year, containing: try Self.date("2024-08-02T00:00:00Z"), timeZone: "UTC") == (try Self.date("2024-01-01T00:00:00Z")))
    }

    @Test func staticGroupsLeaveThePeriodRuleToTheCaller() throws {
        let slo = try Self.monthly("Europe/Berlin")
        let generator = SLORuleGenerator()
        let groups = try generator.groups(for: slo)
        #expect(groups.sliRecords.count == 7)
        #expect(groups.sliRecords.last == "slo:sli_error:ratio_rate3d")
        #expect(groups.recording("slo:period_burn_rate:ratio")?.expr.hasPrefix("slo:sli_error:ratio_rate_month{") == true)
        expectPromQL(groups.recording("slo:time_period:days")?.expr, "vector(30)")
        // With an evaluation time, the period rule is included; the alerts use the 30-day catalog.
        let atTime = try generator.groups(for: slo, at: try Self.date("2024-02-10T00:00:00Z"))
        #expect(atTime.sliRecords.last == "slo:sli_error:ratio_rate_month")
        #expect(atTime.alerts.first?.expr.contains("(14.4 * ") == true)
    }
}
