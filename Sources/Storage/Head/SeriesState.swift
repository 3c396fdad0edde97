/// What the store keeps in memory for one live series: its identity, its head, and the bounds of
/// its committed chunks.
struct SeriesState: Sendable {
    /// The row id in the `series` table.
    let id: Int64
    /// The label set.
    let labels: Labels
    /// The samples not yet in a chunk.
    var head = SeriesHead()
    /// The newest timestamp in the series' chunks.
    var chunkMaxT: Int64?
    /// The value bits of the sample at `chunkMaxT`, when known (unknown after a restart).
    var chunkLastBits: UInt64?
    /// The oldest timestamp in the series' chunks.
    var chunkMinT: Int64?
    /// The `max_t` of the series' oldest chunk: retention need not look at the series before it.
    var oldestChunkMaxT: Int64?
    /// The chunks cut lately, kept in memory for reads.
    var recent = RecentChunks()

    /// The oldest timestamp of the series, in chunks or head.
    var minT: Int64? { chunkMinT ?? head.minT }
    /// The newest timestamp of the series.
    var maxT: Int64? { head.maxT ?? chunkMaxT }

    /// Whether the series has samples in `[start, end]`, judged by its bounds.
    func overlaps(_ start: Int64, _ end: Int64) -> Bool {
        guard let minT, let maxT else { return false }
        return minT <= end && maxT >= start
    }

    /// What a read of `[start, end]` takes of the series, `nil` when its bounds lie outside.
    func snapshot(_ start: Int64, _ end: Int64) -> SeriesSnapshot? {
        guard overlaps(start, end) else { return nil }
        return SeriesSnapshot(
            id: id, labels: labels, head: head.samples(from: start, through: end), readsChunks: chunksOverlap(start, end),
            chunkMinT: chunkMinT, chunkMaxT: chunkMaxT, recent: recent)
    }

    /// Whether some chunk may hold samples in `[start, end]`.
    func chunksOverlap(_ start: Int64, _ end: Int64) -> Bool {
        guard let chunkMinT, let chunkMaxT else { return false }
        return chunkMinT <= end && chunkMaxT >= start
    }
}

extension SeriesState {
    /// Records chunks just committed for the series, in time order, keeping in memory those
    /// ending within `recentSpan` milliseconds of the newest.
    mutating func recordCuts(_ cuts: [CutChunk], recentSpan: Int64) {
        guard let first = cuts.first, let last = cuts.last else { return }
        if recentSpan > 0 { recent.record(cuts, hadChunks: chunkMinT != nil, span: recentSpan) }
        if chunkMinT == nil {
            chunkMinT = first.minT
            oldestChunkMaxT = first.maxT
        }
        chunkMaxT = last.maxT
        chunkLastBits = last.lastBits
    }
}
