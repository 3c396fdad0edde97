/// Collects one series' pieces for `SampleReader.selectSummarised`, in time order: decoded
/// samples are gathered into one `.samples` piece until a summary (a chunk's, or a rolled-up
/// block's) comes between them.
public struct SeriesPieceBuilder: Sendable {
    /// The pieces so far, ascending.
    public private(set) var pieces: [SeriesPiece] = []
    /// The samples not yet closed into a piece.
    private var pending: [ChunkSample] = []
    /// The last timestamp added, if any.
    public private(set) var maxT: Int64?

    /// Creates an empty builder.
    public init() {}

    /// Adds one decoded sample, after everything added so far.
    @inline(__always)
    public mutating func add(_ sample: ChunkSample) {
        pending.append(sample)
        maxT = sample.t
    }

    /// Adds decoded samples, ascending, after everything added so far.
    public mutating func add(contentsOf samples: ArraySlice<ChunkSample>) {
        guard let last = samples.last else { return }
        pending.append(contentsOf: samples)
        maxT = last.t
    }

    /// Adds the samples of `samples` (ascending, e.g. a decoded chunk) whose timestamps lie in
    /// `[from, through]`, found by binary search.
    public mutating func add(_ samples: [ChunkSample], from: Int64, through: Int64) {
        add(contentsOf: samples[samples.positions(from: from, through: through)])
    }

    /// Adds a run of whole chunks by its summary, after everything added so far.
    public mutating func add(_ summary: ChunkSummary, minT: Int64, maxT: Int64) {
        closePending()
        if pieces.capacity == 0 { pieces.reserveCapacity(8) }
        pieces.append(.chunk(summary, minT: minT, maxT: maxT))
        self.maxT = maxT
    }

    /// Adds a rolled-up block by its summary.
    public mutating func add(_ block: SummaryRollup.Block) {
        add(block.summary, minT: block.minT, maxT: block.maxT)
    }

    /// The pieces, the pending samples closed into the last one.
    public mutating func finish() -> [SeriesPiece] {
        closePending()
        return pieces
    }

    private mutating func closePending() {
        guard !pending.isEmpty else { return }
        pieces.append(.samples(pending))
        pending = []
    }
}
