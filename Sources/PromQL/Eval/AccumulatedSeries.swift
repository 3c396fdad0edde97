internal import Storage

/// One series' samples in one step's window, folded (`SummarisedSeries.accumulate()`) into what
/// the summarisable range functions need; kept instead of the pieces, so a range query over a
/// long window holds a few numbers per series and step, not the window's chunk summaries.
struct AccumulatedSeries: Sendable {
    /// The series' label set.
    var labels: Labels
    /// The window's samples, folded.
    var accumulator: RangeAccumulator
}
