internal import Foundation

/// Checks time zone names against the IANA database the system provides.
enum OpenSLOTimeZone {
    /// True when `name` is a known IANA time zone (`UTC` included).
    static func isKnown(_ name: String) -> Bool {
        if name == "UTC" || name == "Etc/UTC" { return true }
        return TimeZone(identifier: name) != nil
    }
}
