/// What a series' pieces over a window are given to, in time order: `SeriesPieceBuilder` keeps
/// them (`SampleReader.selectSummarised`), `RangeAccumulator` folds them as they come
/// (`SampleReader.accumulate`).
public protocol SeriesPieceSink {
    /// One decoded sample, after everything given so far.
    mutating func add(_ sample: ChunkSample)
    /// The samples of `samples` (ascending, e.g. a decoded chunk) whose timestamps lie in
    /// `[from, through]`.
    mutating func add(_ samples: [ChunkSample], from: Int64, through: Int64)
    /// The samples of a decoded chunk whose timestamps lie in `[from, through]`; by default
    /// `add(chunk.samples, from:through:)`.
    mutating func add(_ chunk: DecodedChunk, from: Int64, through: Int64)
    /// A chunk, or a rolled-up run of chunks, lying wholly inside the window, by its summary.
    mutating func add(_ summary: ChunkSummary, minT: Int64, maxT: Int64)
    /// A rolled-up run of chunks (`SummaryRollup.Block`) lying wholly inside the window; by
    /// default the same as `add(_:minT:maxT:)`.
    mutating func addBlock(_ summary: ChunkSummary, minT: Int64, maxT: Int64)
}

extension SeriesPieceSink {
    public mutating func add(_ chunk: DecodedChunk, from: Int64, through: Int64) {
        add(chunk.samples, from: from, through: through)
    }

    public mutating func addBlock(_ summary: ChunkSummary, minT: Int64, maxT: Int64) {
        add(summary, minT: minT, maxT: maxT)
    }
}

extension SeriesPieceBuilder: SeriesPieceSink {}

extension RangeAccumulator: SeriesPieceSink {
    public mutating func add(_ samples: [ChunkSample], from: Int64, through: Int64) {
        add(contentsOf: samples[samples.positions(from: from, through: through)])
    }

    /// A tail of the chunk (from `from` to its last sample) joined from its figures worked out
    /// beforehand (`DecodedChunk.tail(from:)`), the same bits as adding its samples.
    public mutating func add(_ chunk: DecodedChunk, from: Int64, through: Int64) {
        chunk.fold(into: &self, from: from, through: through)
    }

    public mutating func add(_ summary: ChunkSummary, minT: Int64, maxT: Int64) {
        add(summary)
    }
}
