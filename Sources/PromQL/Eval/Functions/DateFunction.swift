internal import Storage

/// The calendar functions (`hour`, `month`, ...) of a Unix time in seconds, in UTC.
enum DateFunction: String {
    case dayOfMonth = "day_of_month"
    case dayOfWeek = "day_of_week"
    case dayOfYear = "day_of_year"
    case daysInMonth = "days_in_month"
    case hour
    case minute
    case month
    case year

    /// The part of the UTC date of `seconds` (truncated to whole seconds, as Go's `int64(v)`).
    /// Non-finite input gives NaN (Go gives a meaningless date there).
    func value(ofSeconds seconds: Double) -> Double {
        guard seconds.isFinite, seconds.magnitude < 0x1p62 else { return .nan }
        let (days, secondOfDay) = CivilDate.split(seconds: Int64(seconds))
        let date = CivilDate(daysSinceEpoch: days)
        switch self {
        case .dayOfMonth: return Double(date.day)
        case .dayOfWeek: return Double(((days % 7) + 11) % 7)
        case .dayOfYear: return Double(date.dayOfYear)
        case .daysInMonth: return Double(date.daysInMonth)
        case .hour: return Double(secondOfDay / 3600)
        case .minute: return Double(secondOfDay % 3600 / 60)
        case .month: return Double(date.month)
        case .year: return Double(date.year)
        }
    }
}
