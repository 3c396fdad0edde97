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
        let whole = Int64(seconds)
        var days = whole / 86_400
        var secondOfDay = whole % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let dayOfEraYear = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * dayOfEraYear + 2) / 153
        let day = dayOfEraYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let monthLengths: [Int64] = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        switch self {
        case .dayOfMonth: return Double(day)
        case .dayOfWeek: return Double(((days % 7) + 11) % 7)
        case .dayOfYear: return Double(monthLengths.prefix(Int(month - 1)).reduce(0, +) + day)
        case .daysInMonth: return Double(monthLengths[Int(month - 1)])
        case .hour: return Double(secondOfDay / 3600)
        case .minute: return Double(secondOfDay % 3600 / 60)
        case .month: return Double(month)
        case .year: return Double(year)
        }
    }
}
