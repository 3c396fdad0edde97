internal import Synchronization

/// Runs of chunks read from the database for windows reaching past what `RecentChunks` holds,
/// kept in memory so that the next evaluations of the same windows need no rows: a window that
/// slides forward by an evaluation interval keeps reading the same stretch of old chunks at its
/// start (the run of chunks before the first rolled-up block it covers) for hours.
///
/// A run read for `[from, through]` holds every chunk overlapping it, so it answers any stretch
/// inside it. Runs never reach past the newest chunk the series had when they were read (later
/// chunks could fall inside them); retention drops the runs of the series it touches. Each
/// series keeps its few most recently used runs, and the whole cache starts afresh when it would
/// hold more than its byte budget.
final class ChunkRunCache: Sendable {
    /// A stretch of a series' chunks.
    struct Run: Sendable {
        var from: Int64
        var through: Int64
        var entries: [RecentChunks.Entry]
        var bytes: Int
        var lastUse: UInt64
    }

    private struct State {
        var runs: [Int64: [Run]] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    /// Runs kept per series.
    static let runsPerSeries = 4

    private let budget: Int
    private let state = Mutex(State())

    /// A cache holding at most `budget` bytes of chunks (0 keeps nothing).
    init(budget: Int) {
        self.budget = budget
    }

    /// The chunks of the series overlapping `[from, through]`, ascending, when a run holds them all.
    func chunks(of seriesID: Int64, from: Int64, through: Int64) -> [RecentChunks.Entry]? {
        guard budget > 0 else { return nil }
        return state.withLock { state -> [RecentChunks.Entry]? in
            guard let runs = state.runs[seriesID],
                  let index = runs.firstIndex(where: { $0.from <= from && $0.through >= through })
            else { return nil }
            state.clock += 1
            state.runs[seriesID]![index].lastUse = state.clock
            return runs[index].entries.filter { $0.maxT >= from && $0.minT <= through }
        }
    }

    /// Keeps `entries`, every chunk of the series overlapping `[from, through]`.
    func store(_ entries: [RecentChunks.Entry], of seriesID: Int64, from: Int64, through: Int64) {
        guard budget > 0, from <= through else { return }
        let bytes = entries.reduce(64) { $0 + $1.chunk.byteCount + 160 }
        guard bytes <= budget / 16 else { return }
        state.withLock { state in
            if state.bytes + bytes > budget {
                state.runs = [:]
                state.bytes = 0
            }
            state.clock += 1
            var runs = state.runs[seriesID] ?? []
            if runs.count >= Self.runsPerSeries, let oldest = runs.indices.min(by: { runs[$0].lastUse < runs[$1].lastUse }) {
                state.bytes -= runs[oldest].bytes
                runs.remove(at: oldest)
            }
            runs.append(Run(from: from, through: through, entries: entries, bytes: bytes, lastUse: state.clock))
            state.bytes += bytes
            state.runs[seriesID] = runs
        }
    }

    /// Forgets the runs of a series (retention deleted some of its chunks).
    func remove(_ seriesID: Int64) {
        state.withLock { state in
            guard let runs = state.runs.removeValue(forKey: seriesID) else { return }
            state.bytes -= runs.reduce(0) { $0 + $1.bytes }
        }
    }
}
