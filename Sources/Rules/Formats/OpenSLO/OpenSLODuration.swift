/// An OpenSLO `duration-shorthand`: a positive integer and a case-sensitive unit, e.g. `30d`, `1M`.
///
/// The units are the spec's: `m` minutes, `h` hours, `d` days, `w` weeks, `M` months, `Q` quarters,
/// `Y` years. There is no seconds unit (`1m` is one minute, `1M` one month). As a length, a month is
/// 30 days, a quarter 90 days and a year 365 days, as the OpenSLO Go SDK counts them.
public struct OpenSLODuration: Sendable, Hashable, CustomStringConvertible {
    /// The unit of a duration shorthand.
    public enum Unit: String, Sendable, Hashable, CaseIterable {
        /// Minutes (`m`).
        case minute = "m"
        /// Hours (`h`).
        case hour = "h"
        /// Days (`d`).
        case day = "d"
        /// Weeks (`w`).
        case week = "w"
        /// Months (`M`), 30 days long.
        case month = "M"
        /// Quarters (`Q`), 90 days long.
        case quarter = "Q"
        /// Years (`Y`), 365 days long.
        case year = "Y"

        /// The length of one unit in seconds.
        var seconds: Int64 {
            switch self {
            case .minute: 60
            case .hour: 3600
            case .day: 86_400
            case .week: 7 * 86_400
            case .month: 30 * 86_400
            case .quarter: 90 * 86_400
            case .year: 365 * 86_400
            }
        }
    }

    /// The number of units (zero is accepted by the parser; callers decide whether it is allowed).
    public var value: Int
    /// The unit.
    public var unit: Unit

    /// Creates a duration shorthand.
    public init(value: Int, unit: Unit) {
        self.value = value
        self.unit = unit
    }

    /// Parses `text` such as `12h` or `1Q`; nil when it is not a duration shorthand.
    public init?(_ text: String) {
        guard let last = text.last, let unit = Unit(rawValue: String(last)) else { return nil }
        let digits = text.dropLast()
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits),
              value <= 1_000_000
        else { return nil }
        self.init(value: value, unit: unit)
    }

    /// The length of the duration.
    public var duration: Duration { .seconds(Int64(value) * unit.seconds) }

    /// The calendar unit a calendar-aligned window of this duration stands for: `1d`, `1w`, `1M`, `1Q`
    /// or `1Y`; nil for anything else (the model keeps one unit per calendar period).
    public var calendarUnit: CalendarUnit? {
        guard value == 1 else { return nil }
        switch unit {
        case .day: return .day
        case .week: return .week
        case .month: return .month
        case .quarter: return .quarter
        case .year: return .year
        case .minute, .hour: return nil
        }
    }

    /// The text form, e.g. `30d`.
    public var description: String { "\(value)\(unit.rawValue)" }

    /// What a valid duration shorthand looks like, for messages.
    static let expectation = "expected a whole number followed by one of m (minutes), h, d, w, M (months), Q, Y, e.g. 30d or 1M"
}
