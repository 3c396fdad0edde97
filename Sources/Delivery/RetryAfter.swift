internal import Foundation

/// The `Retry-After` header (RFC 9110 §10.2.3): a number of seconds or an HTTP-date.
enum RetryAfter {
    /// How long to wait, in milliseconds from `now` (milliseconds since the epoch), never below
    /// zero; nil when the value is neither form.
    static func milliseconds(_ value: String, now: Int64) -> Int64? {
        let text = value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        if !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) {
            guard let seconds = Int64(text) else { return Int64.max / 2 }
            return seconds > Int64.max / 2000 ? Int64.max / 2 : seconds * 1000
        }
        guard let date = httpDate(text) else { return nil }
        return max(Int64((date.timeIntervalSince1970 * 1000).rounded()) - now, 0)
    }

    /// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), or the obsolete RFC 850 and asctime forms.
    private static func httpDate(_ text: String) -> Date? {
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
