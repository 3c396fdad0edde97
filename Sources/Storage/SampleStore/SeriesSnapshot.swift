/// What a read takes from the store's actor before reading chunks off it: a selected series, its
/// head samples in the window, and whether its chunks need reading.
struct SeriesSnapshot: Sendable {
    /// The series id.
    var id: Int64
    /// The label set.
    var labels: Labels
    /// The head samples in the window, ascending.
    var head: [ChunkSample]
    /// Whether some chunk may hold samples in the window.
    var readsChunks: Bool
    /// The oldest timestamp in the series' chunks, if it has any.
    var chunkMinT: Int64?
    /// The newest timestamp in the series' chunks, if it has any.
    var chunkMaxT: Int64?
    /// The chunks the store holds in memory (all of them from `recent.completeFrom` on).
    var recent: RecentChunks
}
