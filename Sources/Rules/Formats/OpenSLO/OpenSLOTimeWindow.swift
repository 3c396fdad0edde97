/// An SLO's `timeWindow` entry: rolling, or calendar-aligned from a start time in a time zone.
struct OpenSLOTimeWindow: Sendable {
    /// `duration`.
    var duration: OpenSLODuration
    /// `isRolling`.
    var isRolling: Bool
    /// `calendar.timeZone` when calendar-aligned.
    var timeZone: String?
    /// Where the `duration` value is written.
    var durationLocation: SourceLocation
}
