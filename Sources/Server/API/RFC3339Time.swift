internal import Storage

/// Times as Prometheus' API writes them (Go's RFC 3339 with nanoseconds, trailing zeros of the
/// fraction dropped), from milliseconds since the Unix epoch, in UTC.
enum RFC3339Time {
    /// `2026-11-29T05:23:59.12Z` for 1795929839120.
    static func format(milliseconds: Int64) -> String {
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let fraction = milliseconds - seconds * 1000
        var text = CivilDate.dateTime(seconds: seconds)
        if fraction != 0 {
            var digits = CivilDate.pad(fraction, 3)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text + "Z"
    }
}
