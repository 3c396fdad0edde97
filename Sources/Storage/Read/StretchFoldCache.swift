internal import Synchronization

/// The folded stretches of window reads (`SeriesWindows.Stretch`), kept between evaluations.
///
/// Rules read the same windows of the same series at every evaluation, each a little later: a
/// window's start moves through the chunk it falls in one evaluation interval at a time (120
/// samples at 15 s span 30 evaluations at 60 s), and the stretch from there to the next inner
/// window's rest holds the same whole chunks and blocks all that time. Kept here, that stretch is
/// folded once; later reads fold only the edge chunk's samples again, from the new start
/// (`DecodedChunk.tail(from:)`, a lookup), instead of a few dozen summaries.
///
/// An entry is found by series, the stretch's end and the series' oldest chunk, and used for a
/// start the stretch's pieces allow (`SeriesWindows.Stretch.reusableStarts`). Only stretches
/// ending at or before the newest chunk the series had when they were read are kept: sealed
/// chunks never change and later ones start after it, so nothing but retention can change what
/// such a stretch holds, and retention moves the oldest chunk (part of the key; `remove(_:)`
/// drops the series' entries at once). Each series keeps its most recently used entries (a rule
/// group's windows of it, and their next ones); when the whole would exceed the byte budget, the
/// least recently used go until a quarter of it is free. An entry keeps its edge chunk's decoded
/// samples alive, the same object `DecodedChunkCache` holds while it holds the chunk.
public final class StretchFoldCache: Sendable {
    private struct Entry {
        var through: Int64
        var oldest: Int64
        var starts: ClosedRange<Int64>
        var stretch: SeriesWindows.Stretch
        var lastT: Int64?
        var bytes: Int
        var lastUse: UInt64
    }

    /// A series' entries; a class, so a lookup changes them in place, not a copy of the array.
    private final class SeriesEntries {
        var entries: [Entry] = []
    }

    private struct State {
        var entries: [Int64: SeriesEntries] = [:]
        var bytes = 0
        var clock: UInt64 = 0
        var hits = 0
        var misses = 0
    }

    /// Entries kept per series: the windows of an SLO's rules (eight and the period), and as
    /// many again, the stretches they move on to.
    static let entriesPerSeries = 24
    private let budget: Int
    private let state = Mutex(State())

    /// A cache holding at most about `budget` bytes of folds (0 keeps nothing).
    public init(budget: Int) {
        self.budget = max(budget, 0)
    }

    /// Folds the chunks of series `series` overlapping `[from, through]` into `stretch` (a
    /// stretch starting at `from`, empty), as `read` does, and returns what `read` returns (the
    /// last timestamp of the newest chunk given); from a kept fold when one holds the same pieces.
    /// `oldest` is the series' oldest chunk's first timestamp and `sealedThrough` its newest
    /// chunk's last, when the chunks were taken for the read.
    public func fold(
        series: Int64, oldest: Int64, sealedThrough: Int64, from: Int64, through: Int64,
        into stretch: inout SeriesWindows.Stretch,
        read: (inout SeriesWindows.Stretch) throws -> Int64?
    ) rethrows -> Int64? {
        guard budget > 0 else { return try read(&stretch) }
        let found = state.withLock { state -> (SeriesWindows.Stretch, Int64?)? in
            guard let kept = state.entries[series] else {
                state.misses += 1
                return nil
            }
            state.clock += 1
            let clock = state.clock
            // Through the buffer: an entry is looked at, and its stretch restarted, in place (one
            // copy of the kept stretch; reading an entry out of the array would copy it whole,
            // retaining its stretch's arrays).
            let found = kept.entries.withUnsafeMutableBufferPointer { entries -> (SeriesWindows.Stretch, Int64?)? in
                guard let index = entries.indices.first(where: {
                    entries[$0].through == through && entries[$0].oldest == oldest && entries[$0].starts.contains(from)
                }) else { return nil }
                entries[index].lastUse = clock
                return (entries[index].stretch.restarted(at: from, through: through), entries[index].lastT)
            }
            if found == nil { state.misses += 1 } else { state.hits += 1 }
            return found
        }
        if let (restarted, lastT) = found {
            stretch = restarted
            return lastT
        }
        let lastT = try read(&stretch)
        guard through <= sealedThrough, let starts = stretch.reusableStarts, starts.contains(from) else { return lastT }
        let bytes = MemoryLayout<Entry>.stride + stretch.heldBytes + 48
        guard bytes <= budget / 16 else { return lastT }
        state.withLock { state in
            state.clock += 1
            let kept: SeriesEntries
            if let known = state.entries[series] {
                kept = known
            } else {
                kept = SeriesEntries()
                state.entries[series] = kept
            }
            // A window that moved on (its start past the kept range, at the same end) replaces
            // its fold; another window ending there (another rule's) keeps its own.
            if let same = kept.entries.indices.first(where: {
                kept.entries[$0].through == through && (kept.entries[$0].oldest != oldest || kept.entries[$0].starts.upperBound < from)
            }) {
                state.bytes -= kept.entries[same].bytes
                kept.entries.remove(at: same)
            } else if kept.entries.count >= Self.entriesPerSeries,
                      let leastRecent = kept.entries.indices.min(by: { kept.entries[$0].lastUse < kept.entries[$1].lastUse }) {
                state.bytes -= kept.entries[leastRecent].bytes
                kept.entries.remove(at: leastRecent)
            }
            // Made in place: the stretch is copied once, into the array.
            kept.entries.append(Entry(
                through: through, oldest: oldest, starts: starts, stretch: stretch, lastT: lastT, bytes: bytes, lastUse: state.clock))
            state.bytes += bytes
            if state.bytes > budget { Self.evict(&state, below: budget - budget / 4) }
        }
        return lastT
    }

    /// Forgets the folds of a series (retention deleted some of its chunks).
    public func remove(_ series: Int64) {
        state.withLock { state in
            guard let kept = state.entries.removeValue(forKey: series) else { return }
            state.bytes -= kept.entries.reduce(0) { $0 + $1.bytes }
        }
    }

    /// The folds held, their bytes, and the reads answered from them and not.
    public var statistics: (entries: Int, bytes: Int, hits: Int, misses: Int) {
        state.withLock { state in (state.entries.values.reduce(0) { $0 + $1.entries.count }, state.bytes, state.hits, state.misses) }
    }

    /// Drops the least recently used entries until at most `limit` bytes are held.
    private static func evict(_ state: inout State, below limit: Int) {
        var byAge: [(lastUse: UInt64, series: Int64)] = []
        for (series, kept) in state.entries {
            for entry in kept.entries { byAge.append((entry.lastUse, series)) }
        }
        byAge.sort { $0.lastUse < $1.lastUse }
        for (lastUse, series) in byAge {
            guard state.bytes > limit else { break }
            guard let kept = state.entries[series], let index = kept.entries.firstIndex(where: { $0.lastUse == lastUse }) else { continue }
            state.bytes -= kept.entries[index].bytes
            kept.entries.remove(at: index)
            if kept.entries.isEmpty { state.entries[series] = nil }
        }
    }
}
