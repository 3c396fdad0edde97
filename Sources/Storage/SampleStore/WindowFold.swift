/// One series folded for `SampleStore.accumulate(_:)`: the windows, ending at the same time, that
/// the selections matching it ask for, and the snapshot to fold them from (that of the widest).
struct WindowFold: Sendable {
    /// A series at one end time.
    struct Key: Hashable {
        var id: Int64
        var end: Int64
    }

    var snapshot: SeriesSnapshot
    /// The earliest window start the snapshot was taken for.
    var widest: Int64
    var end: Int64
    /// Every window start asked of the series, each once.
    var starts: [Int64]

    /// The position of `start` in `starts`, added when new.
    mutating func position(of start: Int64) -> Int {
        if let known = starts.firstIndex(of: start) { return known }
        starts.append(start)
        return starts.count - 1
    }
}
