/// One entry of a time interval: the time is in it when every field given matches (a field
/// left out matches everything) in the interval's time zone.
public struct TimeIntervalSpec: Sendable, Hashable {
    /// An inclusive range of integers: weekdays (0 = Sunday), days of the month (negative
    /// counts from the end, -1 is the last day), months (1–12), years.
    public struct Range: Sendable, Hashable {
        public var start: Int
        public var end: Int

        public init(_ start: Int, _ end: Int) {
            self.start = start
            self.end = end
        }
    }

    /// A range of minutes of the day, start included, end excluded (`09:00`–`17:00`).
    public struct TimeRange: Sendable, Hashable {
        public var startMinute: Int
        public var endMinute: Int

        public init(startMinute: Int, endMinute: Int) {
            self.startMinute = startMinute
            self.endMinute = endMinute
        }
    }

    /// `times`.
    public var times: [TimeRange] = []
    /// `weekdays`.
    public var weekdays: [Range] = []
    /// `days_of_month`.
    public var daysOfMonth: [Range] = []
    /// `months`.
    public var months: [Range] = []
    /// `years`.
    public var years: [Range] = []
    /// `location`: an IANA time zone name; nil is UTC.
    public var location: String?

    /// Creates an interval.
    public init(times: [TimeRange] = [], weekdays: [Range] = [], daysOfMonth: [Range] = [], months: [Range] = [], years: [Range] = [], location: String? = nil) {
        self.times = times
        self.weekdays = weekdays
        self.daysOfMonth = daysOfMonth
        self.months = months
        self.years = years
        self.location = location
    }
}
