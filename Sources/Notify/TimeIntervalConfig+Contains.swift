internal import Foundation
public import Rules

extension TimeIntervalConfig {
    /// Whether the time (milliseconds since the epoch) is in one of the intervals.
    public func contains(_ milliseconds: Int64) -> Bool {
        intervals.contains { $0.contains(milliseconds) }
    }
}

extension TimeIntervalSpec {
    /// Whether the time (milliseconds since the epoch) is in this interval, in its time zone.
    public func contains(_ milliseconds: Int64) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        let zone: TimeZone? = switch location {
        case nil: TimeZone(identifier: "UTC")
        case "Local": TimeZone.current
        case let name?: TimeZone(identifier: name)
        }
        calendar.timeZone = zone ?? TimeZone(secondsFromGMT: 0)!
        let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        let parts = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day, let weekday = parts.weekday,
              let hour = parts.hour, let minute = parts.minute
        else { return false }
        if !times.isEmpty {
            let minuteOfDay = hour * 60 + minute
            guard times.contains(where: { $0.startMinute <= minuteOfDay && minuteOfDay < $0.endMinute }) else { return false }
        }
        if !weekdays.isEmpty, !weekdays.contains(where: { ($0.start...$0.end).contains(weekday - 1) }) { return false }
        if !months.isEmpty, !months.contains(where: { ($0.start...$0.end).contains(month) }) { return false }
        if !years.isEmpty, !years.contains(where: { ($0.start...$0.end).contains(year) }) { return false }
        if !daysOfMonth.isEmpty {
            let length = calendar.range(of: .day, in: .month, for: date)?.count ?? 31
            let matched = daysOfMonth.contains { range in
                // Negative days count from the end of the month: -1 is the last day.
                let start = range.start < 0 ? max(1, length + range.start + 1) : range.start
                let end = range.end < 0 ? length + range.end + 1 : min(range.end, length)
                return start <= day && day <= end
            }
            if !matched { return false }
        }
        return true
    }
}
