internal import Storage

/// A point in time with nanosecond precision (nanoseconds since the Unix epoch), as alerts carry
/// it: Alertmanager prints `startsAt` and `endsAt` with every digit they have.
public struct AlertTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Nanoseconds since 1970-01-01T00:00:00Z.
    public var nanoseconds: Int64

    /// A timestamp from nanoseconds since the epoch.
    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    /// A timestamp from milliseconds since the epoch; times past what nanoseconds can hold
    /// (beyond the year 2262) saturate instead of overflowing.
    public static func milliseconds(_ milliseconds: Int64) -> AlertTimestamp {
        let (nanoseconds, overflow) = milliseconds.multipliedReportingOverflow(by: 1_000_000)
        return AlertTimestamp(nanoseconds: overflow ? (milliseconds < 0 ? .min : .max) : nanoseconds)
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
        var result = CivilDate.dateTime(seconds: seconds)
        if fraction > 0 {
            var digits = CivilDate.pad(fraction, 9)
            while digits.hasSuffix("0") { digits.removeLast() }
            result += "." + digits
        }
        return result + "Z"
    }

    /// Go's zero time as JSON prints it, the `endsAt` of a firing alert.
    static let goZeroText = "0001-01-01T00:00:00Z"
}
