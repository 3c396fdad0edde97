public import Foundation
public import Rules

/// Where a calendar-aligned SLO period starts, for the period window of one evaluation.
///
/// A calendar period (`{calendar: month, time_zone: Europe/Berlin}`) has no fixed length: at each
/// evaluation its window is the time elapsed since the period began, midnight of the day, Monday
/// of the ISO week, the first of the month, quarter or year, in the period's time zone.
public enum CalendarPeriod {
    /// The start of the `unit` containing `time`, in `timeZone` (an IANA name); nil for an
    /// unknown time zone.
    public static func start(of unit: CalendarUnit, containing time: Date, timeZone: String) -> Date? {
        guard let zone = TimeZone(identifier: timeZone) else { return nil }
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = zone
        calendar.firstWeekday = 2
        calendar.minimumDaysInFirstWeek = 4
        switch unit {
        case .day:
            return calendar.startOfDay(for: time)
        case .week:
            return calendar.dateInterval(of: .weekOfYear, for: time)?.start
        case .month:
            return calendar.dateInterval(of: .month, for: time)?.start
        case .quarter:
            let parts = calendar.dateComponents([.year, .month], from: time)
            guard let year = parts.year, let month = parts.month else { return nil }
            return calendar.date(from: DateComponents(year: year, month: (month - 1) / 3 * 3 + 1, day: 1))
        case .year:
            return calendar.dateInterval(of: .year, for: time)?.start
        }
    }

    /// The time elapsed at `time` since the start of its period, at least one millisecond.
    public static func elapsed(_ unit: CalendarUnit, at time: Date, timeZone: String) -> Duration? {
        guard let start = start(of: unit, containing: time, timeZone: timeZone) else { return nil }
        let milliseconds = max(1, Int64((time.timeIntervalSince(start) * 1000).rounded(.down)))
        return .milliseconds(milliseconds)
    }
}
