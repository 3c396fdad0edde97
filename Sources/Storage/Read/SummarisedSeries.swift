/// One series over a window as ordered, non-overlapping pieces: whole chunks (or rolled-up runs
/// of them) inside the window as summaries, everything else (edge chunks, the head) as decoded
/// samples.
///
/// Feed the pieces in order to `RangeAccumulator` (samples with `add(t:v:)`, chunks with
/// `add(_:)`) to get `increase`, `rate`, `changes` and friends over a long window without
/// decoding the middle of it.
public struct SummarisedSeries: Sendable, Hashable {
    /// The series' label set.
    public var labels: Labels
    /// The pieces, ascending by time, not overlapping; consecutive `.samples` are merged.
    public var pieces: [SeriesPiece]

    /// Creates a summarised series.
    public init(labels: Labels, pieces: [SeriesPiece]) {
        self.labels = labels
        self.pieces = pieces
    }

    /// The pieces folded into a `RangeAccumulator`.
    public func accumulate() -> RangeAccumulator {
        var accumulator = RangeAccumulator()
        for piece in pieces {
            switch piece {
            case .samples(let samples): accumulator.add(contentsOf: samples[...])
            case .chunk(let summary, _, _): accumulator.add(summary)
            }
        }
        return accumulator
    }

    /// The number of samples, stale markers included.
    public var sampleCount: Int {
        pieces.reduce(0) { total, piece in
            switch piece {
            case .samples(let samples): total + samples.count
            case .chunk(let summary, _, _): total + summary.sampleCount
            }
        }
    }
}
