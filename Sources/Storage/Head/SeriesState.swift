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
    /// What `appendWithoutCut` did.
    enum UncutAppend: Equatable {
        /// The sample is in the head; the series' id.
        case appended(id: Int64)
        /// The state is another series than the one expected: nothing changed.
        case otherSeries
        /// The sample needs more than the head can take without a cut: nothing changed.
        case refused
    }

    /// Puts one new sample of rule output in the head, WAL row `walRow`, when the state is of the
    /// series `expectedID` (any series when nil) and the sample needs nothing else: newer than the
    /// series' newest, at or after `minValidTime`, and fitting in the head without a cut
    /// (`samplesPerChunk` samples over at most `maxSpan` ms). A mutating method, called on the
    /// store's state in place: reading the state through a copy would retain its labels, head
    /// and chunks.
    mutating func appendWithoutCut(
        _ sample: ChunkSample, expectedID: Int64?, walRow: Int64, minValidTime: Int64, samplesPerChunk: Int, maxSpan: Int64
    ) -> UncutAppend {
        if let expectedID, expectedID != id { return .otherSeries }
        guard let newest = maxT, sample.t > newest, sample.t >= minValidTime,
              head.count + 1 <= samplesPerChunk, sample.t - (head.minT ?? sample.t) <= maxSpan
        else { return .refused }
        withUnsafePointer(to: sample) { head.apply(accepted: UnsafeBufferPointer(start: $0, count: 1), cutCount: 0, walRow: walRow) }
        return .appended(id: id)
    }

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
