/// The period over which an SLO's error budget is counted.
public enum SLOPeriod: Sendable, Hashable {
    /// A window that always ends now, e.g. the last 30 days.
    case rolling(Duration)
    /// Calendar-aligned periods (this month, this week) in a time zone; the budget resets at each boundary.
    case calendar(CalendarUnit, timeZone: String)

    /// The default period: rolling 30 days.
    public static let `default` = SLOPeriod.rolling(.seconds(30 * 24 * 3600))

    /// The period's length for burn-rate factors and `slo:time_period:days`: a rolling period's
    /// own length; for calendar periods a nominal one (day 24h, week 7d, month 30d, quarter 90d,
    /// year 365d).
    public var nominalLength: Duration {
        let day = Duration.seconds(24 * 3600)
        switch self {
        case .rolling(let duration): return duration
        case .calendar(let unit, _):
            switch unit {
            case .day: return day
            case .week: return day * 7
            case .month: return day * 30
            case .quarter: return day * 90
            case .year: return day * 365
            }
        }
    }
}

/// The unit of a calendar-aligned period.
public enum CalendarUnit: String, Sendable, Hashable, Codable {
    /// ISO weeks, starting on Monday.
    case week
    /// Calendar months.
    case month
    /// Quarters (January, April, July, October).
    case quarter
    /// Calendar years.
    case year
    /// Calendar days.
    case day
}
