/// The period over which an SLO's error budget is counted.
public enum SLOPeriod: Sendable, Hashable {
    /// A window that always ends now, e.g. the last 30 days.
    case rolling(Duration)
    /// Calendar-aligned periods (this month, this week) in a time zone; the budget resets at each boundary.
    case calendar(CalendarUnit, timeZone: String)

    /// The default period: rolling 30 days.
    public static let `default` = SLOPeriod.rolling(.seconds(30 * 24 * 3600))
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
