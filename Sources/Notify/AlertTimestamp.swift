/// A point in time with nanosecond precision (nanoseconds since the Unix epoch), as alerts carry
/// it: Alertmanager prints `startsAt` and `endsAt` with every digit they have.
public struct AlertTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Nanoseconds since 1970-01-01T00:00:00Z.
    public var nanoseconds: Int64

    /// A timestamp from nanoseconds since the epoch.
    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    /// A timestamp from milliseconds since the epoch.
    public static func milliseconds(_ milliseconds: Int64) -> AlertTimestamp {
        AlertTimestamp(nanoseconds: milliseconds * 1_000_000)
    }

    /// Milliseconds since the epoch, rounded down.
    public var milliseconds: Int64 {
        nanoseconds >= 0 ? nanoseconds / 1_000_000 : (nanoseconds - 999_999) / 1_000_000
    }

    public static func < (lhs: AlertTimestamp, rhs: AlertTimestamp) -> Bool { lhs.nanoseconds < rhs.nanoseconds }

    /// The time as Go's `time.RFC3339Nano` prints a UTC time: `2026-11-29T01:32:58.704907Z`
    /// (trailing zeros of the fraction dropped, no fraction when it is zero).
    public var description: String {
        var seconds = nanoseconds / 1_000_000_000
        var fraction = nanoseconds % 1_000_000_000
        if fraction < 0 {
            fraction += 1_000_000_000
            seconds -= 1
        }
        var days = seconds / 86400
        var secondOfDay = seconds % 86400
        if secondOfDay < 0 {
            secondOfDay += 86400
            days -= 1
        }
        // Civil date from days since the epoch (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        var result = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
        if fraction > 0 {
            var digits = pad(fraction, 9)
            while digits.hasSuffix("0") { digits.removeLast() }
            result += "." + digits
        }
        return result + "Z"
    }

    /// Go's zero time as JSON prints it, the `endsAt` of a firing alert.
    static let goZeroText = "0001-01-01T00:00:00Z"
}
