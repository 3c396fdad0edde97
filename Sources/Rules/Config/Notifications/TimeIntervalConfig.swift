/// A named set of time intervals (`time_intervals` or `mute_time_intervals` entry), referred to
/// by routes' `mute_time_intervals` and `active_time_intervals`: the time is in it when it is in
/// any of its intervals.
public struct TimeIntervalConfig: Sendable, Hashable {
    /// The unique name.
    public var name: String
    /// The intervals.
    public var intervals: [TimeIntervalSpec]

    /// Creates a named interval set.
    public init(name: String, intervals: [TimeIntervalSpec]) {
        self.name = name
        self.intervals = intervals
    }
}
