/// A date of the proleptic Gregorian calendar in UTC, from days since 1970-01-01 (Howard
/// Hinnant's `civil_from_days`): what Prometheus' date functions, its API's RFC 3339 times and
/// Alertmanager's payload times print.
public struct CivilDate: Sendable, Hashable {
    /// The year (astronomical numbering: year 0 exists).
    public let year: Int64
    /// The month, 1 to 12.
    public let month: Int64
    /// The day of the month, 1 to 31.
    public let day: Int64

    /// The date `days` days after 1970-01-01 (before it when negative).
    public init(daysSinceEpoch days: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Whether the year has a 29 February.
    public var isLeapYear: Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// The number of days of the date's month.
    public var daysInMonth: Int64 { Self.monthLengths(leap: isLeapYear)[Int(month - 1)] }

    /// The day of the year, 1 to 366.
    public var dayOfYear: Int64 { Self.monthLengths(leap: isLeapYear).prefix(Int(month - 1)).reduce(0, +) + day }

    /// Days since 1970-01-01 and the second of that day for `seconds` since the epoch (both
    /// rounded towards the past, so negative times fall on the day before).
    public static func split(seconds: Int64) -> (days: Int64, secondOfDay: Int64) {
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        return (days, secondOfDay)
    }

    /// `yyyy-mm-ddThh:mm:ss` for `seconds` since the epoch, as RFC 3339 prints a UTC time (without
    /// fraction and zone).
    public static func dateTime(seconds: Int64) -> String {
        let (days, secondOfDay) = split(seconds: seconds)
        let date = CivilDate(daysSinceEpoch: days)
        return pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2) + "T" + pad(secondOfDay / 3600, 2) + ":"
            + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
    }

    /// `value` in decimal with leading zeros up to `width` digits.
    public static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    private static func monthLengths(leap: Bool) -> [Int64] {
        [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    }
}
