/// A series' most recent chunks, kept in memory from the moment they are cut, so that reads of
/// recent windows — every short window of every rule, at every evaluation — need no database row.
///
/// `completeFrom` says how far back the list is complete: every chunk of the series that ends at
/// or after it is held. A series whose first chunk was cut while the store was open is complete
/// from the beginning; after a restart, from the first chunk cut since. Chunks ending more than
/// the configured span before the newest one are dropped, and `completeFrom` moves past them.
struct RecentChunks: Sendable {
    /// One chunk: its bounds, summary and encoded samples.
    struct Entry: Sendable {
        var minT: Int64
        var maxT: Int64
        var summary: ChunkSummary
        var chunk: EncodedChunk
    }

    /// The chunks held, ascending.
    private(set) var entries: [Entry] = []
    /// Every chunk of the series ending at or after this time is in `entries`; `nil` when
    /// nothing is known (no chunk cut since the store opened).
    private(set) var completeFrom: Int64?

    /// Whether every chunk ending at or after `t` is held.
    func holds(from t: Int64) -> Bool {
        completeFrom.map { t >= $0 } ?? false
    }

    /// Records chunks just cut, in time order; `hadChunks` tells whether the series had chunks
    /// before them (which are not held). Keeps the chunks ending within `span` milliseconds of the
    /// newest one.
    mutating func record(_ cuts: [CutChunk], hadChunks: Bool, span: Int64) {
        guard let first = cuts.first else { return }
        if completeFrom == nil { completeFrom = hadChunks ? first.minT : .min }
        for cut in cuts {
            entries.append(Entry(minT: cut.minT, maxT: cut.maxT, summary: cut.decodedSummary, chunk: cut.chunk))
        }
        let keepFrom = entries[entries.count - 1].maxT.subtractingSaturated(span)
        removeChunks(endingBefore: keepFrom)
    }

    /// Drops the chunks ending before `t` (retention deleted them, or they fell out of the span).
    mutating func removeChunks(endingBefore t: Int64) {
        var dropped = 0
        while dropped < entries.count && entries[dropped].maxT < t { dropped += 1 }
        if dropped > 0 { entries.removeFirst(dropped) }
        if let from = completeFrom, from < t { completeFrom = t }
    }

    /// Forgets everything (the series' chunks are gone, or no longer known to be held).
    mutating func removeAll() {
        entries = []
        completeFrom = nil
    }

    /// The chunks overlapping `[start, end]`, ascending.
    func overlapping(_ start: Int64, _ end: Int64) -> ArraySlice<Entry> {
        var low = 0
        var high = entries.count
        // The first chunk ending at or after `start`.
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].maxT < start { low = middle + 1 } else { high = middle }
        }
        var upper = low
        while upper < entries.count && entries[upper].minT <= end { upper += 1 }
        return entries[low..<upper]
    }
}
