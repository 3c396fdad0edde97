/// A run of one series' samples inside a query window: decoded samples, or whole chunks given
/// by their summary only (one chunk, or a rolled-up block of consecutive chunks).
public enum SeriesPiece: Sendable, Hashable {
    /// Decoded samples, ascending.
    case samples([ChunkSample])
    /// A chunk, or a run of consecutive chunks (`SummaryRollup.Block`), lying wholly inside the
    /// window, with its first and last timestamps (stale markers included, unlike the summary's
    /// `first` and `last`); the summary is, bit for bit, that of the run's samples.
    case chunk(ChunkSummary, minT: Int64, maxT: Int64)

    /// The first timestamp of the piece.
    public var minT: Int64? {
        switch self {
        case .samples(let samples): samples.first?.t
        case .chunk(_, let minT, _): minT
        }
    }

    /// The last timestamp of the piece.
    public var maxT: Int64? {
        switch self {
        case .samples(let samples): samples.last?.t
        case .chunk(_, _, let maxT): maxT
        }
    }
}
