public import Foundation
public import Rules

extension SLORuleGenerator {
    /// The recording rule of the SLI's error ratio over one window: `slo:sli_error:ratio_rate<window>`.
    func sliRule(for slo: SLO, window: Duration) throws(SLORuleError) -> RecordingRule {
        let name = SlothNumber.format(window)
        return RecordingRule(
            record: Self.ratioRecord(name), expr: try errorRatio(slo, window),
            labels: recordingLabels(slo).merging(["sloth_window": name]) { $1 }, location: slo.location
        )
    }

    /// The period-window rule of an SLO for the evaluation at `time`. For a rolling period it is
    /// always the same rule (`slo:sli_error:ratio_rate30d`); for a calendar period it is recorded
    /// as `slo:sli_error:ratio_rate_<unit>` (`sloth_window="<unit>"`, e.g. `month`) and its range
    /// is the time elapsed since the period began at `time`, in the period's time zone
    /// (`CalendarPeriod`), so it must be generated again at each evaluation.
    public func periodWindowRule(for slo: SLO, at time: Date) throws(SLORuleError) -> RecordingRule {
        switch slo.period {
        case .rolling(let duration):
            return try periodWindowRule(for: slo, name: SlothNumber.format(duration), range: duration)
        case .calendar(let unit, let timeZone):
            guard let elapsed = CalendarPeriod.elapsed(unit, at: time, timeZone: timeZone) else {
                throw SLORuleError(.unknownTimeZone, slo: slo.id, "unknown time zone \"\(timeZone)\"")
            }
            return try periodWindowRule(for: slo, name: Self.calendarWindowName(unit), range: elapsed)
        }
    }

    /// The period-window rule of a calendar SLO whose period began `elapsed` ago.
    public func periodWindowRule(for slo: SLO, elapsed: Duration) throws(SLORuleError) -> RecordingRule {
        let name: String
        switch slo.period {
        case .rolling(let duration): name = SlothNumber.format(duration)
        case .calendar(let unit, _): name = Self.calendarWindowName(unit)
        }
        return try periodWindowRule(for: slo, name: name, range: elapsed)
    }

    /// The period-window rule of a rolling SLO; nil for a calendar one.
    func periodWindowRule(rollingFor slo: SLO) throws(SLORuleError) -> RecordingRule? {
        guard let period = rollingPeriod(of: slo) else { return nil }
        return try periodWindowRule(for: slo, name: SlothNumber.format(period), range: period)
    }

    /// The period ratio: Sloth's mean of the 5-minute ratios, or (`.exactPeriod`) the SLI itself
    /// over `range`.
    private func periodWindowRule(for slo: SLO, name: String, range: Duration) throws(SLORuleError) -> RecordingRule {
        let expr: String
        switch options.mode {
        case .sloth:
            let fiveMinutes = Self.ratioRecord(SlothNumber.format(SLIWindows.fiveMinutes)) + SLOIdentity(slo).selector
            let text = SlothNumber.format(range)
            expr = "sum_over_time(\(fiveMinutes)[\(text)])\n/ ignoring (sloth_window)\ncount_over_time(\(fiveMinutes)[\(text)])\n"
        case .exactPeriod:
            expr = try errorRatio(slo, range)
        }
        return RecordingRule(
            record: Self.ratioRecord(name), expr: expr,
            labels: recordingLabels(slo).merging(["sloth_window": String(name.trimmingPrefix("_"))]) { $1 },
            location: slo.location
        )
    }

    /// The name of the period window: `30d`, `4w`, or for a calendar period `_month`.
    func periodWindowName(_ slo: SLO) -> String {
        switch slo.period {
        case .rolling(let duration): SlothNumber.format(duration)
        case .calendar(let unit, _): Self.calendarWindowName(unit)
        }
    }

    /// `slo:sli_error:ratio_rate<window>`.
    static func ratioRecord(_ window: String) -> String {
        "slo:sli_error:ratio_rate\(window)"
    }

    /// The window name of a calendar period, e.g. `_month` (record `slo:sli_error:ratio_rate_month`).
    static func calendarWindowName(_ unit: CalendarUnit) -> String {
        "_\(unit.rawValue)"
    }

    private func errorRatio(_ slo: SLO, _ window: Duration) throws(SLORuleError) -> String {
        guard let expr = SLIQuery(slo: slo).errorRatio(window) else {
            throw SLORuleError(.pluginSLI, slo: slo.id, "its SLI cannot be evaluated (a Sloth plugin)")
        }
        return expr
    }
}
