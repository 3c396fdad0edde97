internal import GRDB
internal import Synchronization

extension SampleStore {
    /// The series matching every matcher with their samples in `[start, end]` (milliseconds,
    /// both ends included), from chunks and heads, sorted by label set.
    public nonisolated func select(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [SeriesSamples] {
        guard start <= end else { return [] }
        let snapshots = await snapshot(matchers: matchers, start: start, end: end)
        return try await readEach(snapshots, "select \(matchers)") { snapshot, db in try Self.samples(snapshot, start, end, db) }
    }

    /// See `SampleReader.selectLatest(matchers:start:end:)`: a series whose head holds a sample
    /// in the window takes the head's last one there, without copying its head or reading its
    /// chunks; the others are read as `select` reads them.
    public nonisolated func selectLatest(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> LatestSamples {
        guard start <= end else { return LatestSamples() }
        let found = await latestInHeads(matchers: matchers, start: start, end: end)
        guard let unread = found.unread else { return found.latest }
        let read = try await readEach(count: unread.count, "select \(matchers)") { position, db throws -> ChunkSample? in
            guard let snapshot = unread[position].snapshot else { return nil }
            return try Self.samples(snapshot, start, end, db).map { $0.samples[$0.samples.count - 1] }
        }
        var latest = LatestSamples(capacity: unread.count)
        for (entry, sample) in zip(unread, read) {
            if let sample = entry.sample ?? sample { latest.append(entry.labels, sample) }
        }
        return latest
    }

    /// Per selected series overlapping `[start, end]`, sorted by label set, its head's last sample
    /// in the window. When a head has none there, `unread` instead: every series, with its head's
    /// sample or (none there) its snapshot, to read. Most reads find every sample in the heads:
    /// two arrays.
    private func latestInHeads(
        matchers: [SeriesMatcher], start: Int64, end: Int64
    ) -> (latest: LatestSamples, unread: [(labels: Labels, sample: ChunkSample?, snapshot: SeriesSnapshot?)]?) {
        let slots = selectedSlots(matchers)
        var latest = LatestSamples(capacity: slots.count)
        var unread: [(labels: Labels, sample: ChunkSample?, snapshot: SeriesSnapshot?)]?
        // Read in place: copying a state would retain its labels, head and chunks.
        states.withUnsafeBufferPointer { states in
            for slot in slots where states[Int(slot)] != nil {
                if let sample = states[Int(slot)]!.head.last(from: start, through: end) {
                    if unread == nil {
                        latest.append(states[Int(slot)]!.labels, sample)
                    } else {
                        unread!.append((states[Int(slot)]!.labels, sample, nil))
                    }
                } else if let snapshot = states[Int(slot)]!.snapshot(start, end) {
                    if unread == nil {
                        unread = latest.entries.map { ($0.labels, $0.sample, nil) }
                        unread!.reserveCapacity(slots.count)
                    }
                    unread!.append((snapshot.labels, nil, snapshot))
                }
            }
        }
        return (latest, unread)
    }

    /// One series' samples in `[start, end]`: its chunks' from memory where the store holds
    /// them, else from `db` (`ChunkRowsNeeded` without one), and its head's.
    private static func samples(_ snapshot: SeriesSnapshot, _ start: Int64, _ end: Int64, _ db: Database?) throws -> SeriesSamples? {
        var samples: [ChunkSample] = []
        let add = { (chunk: EncodedChunk, minT: Int64, maxT: Int64) throws in
            samples.reserveCapacity(samples.count + chunk.count)
            var iterator = chunk.makeIterator()
            if minT >= start && maxT <= end {
                while let sample = try iterator.next() { samples.append(sample) }
            } else {
                while let sample = try iterator.next(), sample.t <= end {
                    if sample.t >= start { samples.append(sample) }
                }
            }
        }
        if snapshot.readsChunks {
            if snapshot.recent.holds(from: start) {
                for entry in snapshot.recent.overlapping(start, end) { try add(entry.chunk, entry.minT, entry.maxT) }
            } else {
                guard let db else { throw ChunkRowsNeeded() }
                try SampleTables.forEachChunk(db, seriesID: snapshot.id, start: start, end: end, columns: "data") { minT, maxT, row in
                    try add(SampleTables.decodeChunk(SampleTables.bytes(row, 2), seriesID: snapshot.id), minT, maxT)
                }
            }
        }
        Self.appendHead(snapshot.head, after: samples.last?.t, to: &samples)
        return samples.isEmpty ? nil : SeriesSamples(labels: snapshot.labels, samples: samples)
    }

    /// Windows at least this long (milliseconds) read the runs of whole chunks inside them from
    /// the series' rolled-up summaries (`SummaryRollup`, built on a series' first such read and
    /// kept in memory); shorter ones, which hold fewer chunks than a block, read every chunk row.
    public static let rollupMinimumWindow: Int64 = 12 * 3_600_000

    /// Like `select`, but each chunk lying wholly inside `[start, end]` comes as its summary,
    /// without reading or decoding its bytes, and in windows of at least `rollupMinimumWindow`
    /// each run of such chunks that the series' rollup holds comes as one block summary, without
    /// reading its rows; edge chunks and heads come as samples.
    public nonisolated func selectSummarised(
        matchers: [SeriesMatcher], start: Int64, end: Int64
    ) async throws(StorageError) -> [SummarisedSeries] {
        guard start <= end else { return [] }
        let snapshots = await snapshot(matchers: matchers, start: start, end: end)
        let (length, overflow) = end.subtractingReportingOverflow(start)
        let cache = overflow || length >= Self.rollupMinimumWindow ? rollups : nil
        let runs = chunkRuns
        let decoded = decodedChunks
        return try await readEach(snapshots, "selectSummarised \(matchers)") { snapshot, db in
            try Self.summarise(snapshot, start, end, cache, runs, decoded, db)
        }
    }

    /// Each window's series folded into accumulators: one snapshot of the series for the widest
    /// window, and each stretch of a series between two window starts read once.
    public nonisolated func accumulate(matchers: [SeriesMatcher], end: Int64, ranges: [Int64]) async throws(StorageError) -> [SeriesWindows] {
        let starts = ranges.map { range in
            let (start, overflow) = end.subtractingReportingOverflow(range)
            return overflow ? Int64.min : start
        }
        guard let widest = starts.min(), widest <= end else { return [] }
        let snapshots = await snapshot(matchers: matchers, start: widest, end: end)
        let caches = ReadCaches(rollups: rollups, runs: chunkRuns, decoded: decodedChunks, stretches: stretchFolds)
        return try await readEach(snapshots, "accumulate \(matchers)") { snapshot, db in
            try Self.accumulate(snapshot, starts, end, caches, db)
        }
    }

    /// `accumulate(matchers:end:ranges:)` of each selection, from one snapshot of the series
    /// they select: a series that several selections match at the same end is folded once, for
    /// every window any of them asks of it (a window's accumulator does not depend on the
    /// others'), from the snapshot of the widest.
    public nonisolated func accumulate(_ selections: [WindowSelection]) async throws(StorageError) -> [[SeriesWindows]] {
        let starts = selections.map { selection in
            selection.ranges.map { range in
                let (start, overflow) = selection.end.subtractingReportingOverflow(range)
                return overflow ? Int64.min : start
            }
        }
        let widest = starts.map { $0.min() ?? .max }
        let snapshots = await snapshots(selections.indices.map { (selections[$0].matchers, widest[$0], selections[$0].end) })
        // Each series once per end, with every window asked of it; per selection and series
        // selected, that fold and the positions of the selection's windows in it.
        var folds: [WindowFold] = []
        var index = WindowFold.Index()
        var picks: [[(fold: Int, windows: [Int])]] = []
        for (position, selected) in snapshots.enumerated() {
            var picked: [(fold: Int, windows: [Int])] = []
            picked.reserveCapacity(selected.count)
            for snapshot in selected {
                let end = selections[position].end
                let fold: Int
                if let known = index.fold(of: snapshot.id, end: end, in: folds) {
                    fold = known
                    if widest[position] < folds[fold].widest {
                        folds[fold].snapshot = snapshot
                        folds[fold].widest = widest[position]
                    }
                } else {
                    fold = folds.count
                    folds.append(WindowFold(snapshot: snapshot, widest: widest[position], end: end, starts: []))
                    index.added(folds)
                }
                picked.append((fold, starts[position].map { folds[fold].position(of: $0) }))
            }
            picks.append(picked)
        }
        let caches = ReadCaches(rollups: rollups, runs: chunkRuns, decoded: decodedChunks, stretches: stretchFolds)
        let planned = folds
        let folded = try await readEach(count: planned.count, "accumulate \(selections.count) selections") { index, db in
            try Self.accumulate(planned[index].snapshot, planned[index].starts, planned[index].end, caches, db)?.windows
        }
        return picks.map { picked in
            picked.compactMap { pick -> SeriesWindows? in
                guard let windows = folded[pick.fold] else { return nil }
                let mine = pick.windows.map { windows[$0] }
                guard mine.contains(where: { $0.count > 0 }) else { return nil }
                return SeriesWindows(labels: planned[pick.fold].snapshot.labels, windows: mine)
            }
        }
    }

    /// The snapshots of several selections, taken at once.
    private func snapshots(_ selections: [(matchers: [SeriesMatcher], start: Int64, end: Int64)]) -> [[SeriesSnapshot]] {
        selections.map { snapshot(matchers: $0.matchers, start: $0.start, end: $0.end) }
    }

    /// `body` for each series, in order, leaving out nil: see `readEach(count:_:_:)`.
    private nonisolated func readEach<T: Sendable>(
        _ snapshots: [SeriesSnapshot], _ what: @autoclosure () -> String,
        _ body: @escaping @Sendable (SeriesSnapshot, Database?) throws -> T?
    ) async throws(StorageError) -> [T] {
        try await readEach(count: snapshots.count, what()) { position, db in try body(snapshots[position], db) }.compactMap { $0 }
    }

    /// `body` for each position below `count`, in order: first from memory alone (no database),
    /// then, for the positions that need chunk rows (`ChunkRowsNeeded`), in one database read.
    private nonisolated func readEach<T: Sendable>(
        count: Int, _ what: @autoclosure () -> String,
        _ body: @escaping @Sendable (Int, Database?) throws -> T?
    ) async throws(StorageError) -> [T?] {
        var found: [T?] = []
        found.reserveCapacity(count)
        var unread: [Int] = []
        for position in 0..<count {
            do {
                found.append(try body(position, nil))
            } catch is ChunkRowsNeeded {
                found.append(nil)
                unread.append(position)
            } catch {
                throw Self.storageError(error, what())
            }
        }
        if !unread.isEmpty {
            seriesReadsFromDatabase.add(unread.count, ordering: .relaxed)
            let positions = unread
            let read = try await read(what()) { db in try positions.map { try body($0, db) } }
            for (position, value) in zip(positions, read) { found[position] = value }
        }
        return found
    }

    /// One series' pieces in `[start, end]`: its chunks from memory where the store holds them,
    /// else from `db`, and its head. Without `db`, throws `ChunkRowsNeeded` when rows are needed.
    private static func summarise(
        _ snapshot: SeriesSnapshot, _ start: Int64, _ end: Int64, _ cache: SummaryRollupCache?, _ runs: ChunkRunCache,
        _ decoded: DecodedChunkCache, _ db: Database?
    ) throws -> SummarisedSeries? {
        var builder = SeriesPieceBuilder()
        var lastT: Int64?
        if snapshot.readsChunks {
            try addChunks(db, snapshot, start, end, cache, runs, decoded, into: &builder, lastT: &lastT)
        }
        for sample in snapshot.head where lastT.map({ sample.t > $0 }) ?? true { builder.add(sample) }
        let pieces = builder.finish()
        return pieces.isEmpty ? nil : SummarisedSeries(labels: snapshot.labels, pieces: pieces)
    }

    /// Gives `sink` the series' chunks overlapping `[start, end]`: runs of them the rollup in
    /// `cache` holds as block summaries (with a cache), other chunks inside by their summary, the
    /// edge chunks' samples inside; `lastT` becomes the last timestamp of the newest one.
    private static func addChunks<Sink: SeriesPieceSink>(
        _ db: Database?, _ snapshot: SeriesSnapshot, _ start: Int64, _ end: Int64, _ cache: SummaryRollupCache?,
        _ runs: ChunkRunCache, _ decoded: DecodedChunkCache, into sink: inout Sink, lastT: inout Int64?
    ) throws {
        if let cache, let rollup = try Self.currentRollup(db, snapshot, cache) {
            try rollup.cover(from: start, through: end) { from, through in
                try Self.addChunkPieces(db, snapshot, runs, decoded, from: from, through: through, into: &sink, lastT: &lastT)
            } summary: { minT, maxT, _, summary in
                sink.addBlock(summary, minT: minT, maxT: maxT)
                lastT = maxT
            }
        } else {
            try Self.addChunkPieces(db, snapshot, runs, decoded, from: start, through: end, into: &sink, lastT: &lastT)
        }
    }

    /// The caches a window read goes through, taken off the actor together.
    struct ReadCaches: Sendable {
        let rollups: SummaryRollupCache
        let runs: ChunkRunCache
        let decoded: DecodedChunkCache
        let stretches: StretchFoldCache
    }

    /// `accumulate(matchers:end:ranges:)` for one series (`SeriesWindows.accumulate`), each
    /// stretch read through the rollup where it is long enough, or found folded in
    /// `caches.stretches`; nil when no window holds a sample of it.
    private static func accumulate(
        _ snapshot: SeriesSnapshot, _ starts: [Int64], _ end: Int64, _ caches: ReadCaches, _ db: Database?
    ) throws -> SeriesWindows? {
        let windows = try SeriesWindows.accumulate(starts: starts, end: end, head: snapshot.head) { from, through, stretch in
            guard snapshot.readsChunks, let chunkMinT = snapshot.chunkMinT, let chunkMaxT = snapshot.chunkMaxT,
                  chunkMinT <= through, chunkMaxT >= from
            else { return nil }
            return try caches.stretches.fold(
                series: snapshot.id, oldest: chunkMinT, sealedThrough: chunkMaxT, from: from, through: through, into: &stretch
            ) { stretch in
                let (length, overflow) = through.subtractingReportingOverflow(from)
                var lastT: Int64?
                try addChunks(
                    db, snapshot, from, through, overflow || length >= rollupMinimumWindow ? caches.rollups : nil, caches.runs,
                    caches.decoded, into: &stretch, lastT: &lastT)
                return lastT
            }
        }
        guard windows.contains(where: { $0.count > 0 }) else { return nil }
        return SeriesWindows(labels: snapshot.labels, windows: windows)
    }

    /// Adds the chunks of a series overlapping `[from, through]` to `builder`: those lying wholly
    /// inside as their summary, the others decoded (their samples inside only); from memory when
    /// the store holds them all (`RecentChunks`, then `ChunkRunCache`), else from `db`, keeping
    /// what it read in `runs` (`ChunkRowsNeeded` without `db`).
    private static func addChunkPieces<Sink: SeriesPieceSink>(
        _ db: Database?, _ snapshot: SeriesSnapshot, _ runs: ChunkRunCache, _ decoded: DecodedChunkCache,
        from: Int64, through: Int64,
        into builder: inout Sink, lastT: inout Int64?
    ) throws {
        if snapshot.recent.holds(from: from) {
            try add(
                snapshot.recent.overlapping(from, through), of: snapshot.id, decoded, from: from, through: through,
                into: &builder, lastT: &lastT)
            return
        }
        // The chunks ending before what memory holds come from a run read earlier or from the
        // database (and are kept as a run); the later ones from memory. No chunk cut after the
        // snapshot can fall in a run ending at its newest chunk.
        let heldFrom = snapshot.recent.completeFrom
        let olderThrough = min(through, heldFrom.map { $0 - 1 } ?? through, snapshot.chunkMaxT ?? through)
        var older: [RecentChunks.Entry]
        if let held = runs.chunks(of: snapshot.id, from: from, through: olderThrough) {
            older = held
        } else {
            guard let db else { throw ChunkRowsNeeded() }
            older = []
            try SampleTables.forEachChunk(
                db, seriesID: snapshot.id, start: from, end: olderThrough, columns: "summary, data, count"
            ) { minT, maxT, row in
                let summary = try SampleTables.decodeSummary(
                    SampleTables.bytes(row, 2), count: row[4], minT: minT, maxT: maxT, seriesID: snapshot.id)
                let chunk = try SampleTables.decodeChunk(SampleTables.bytes(row, 3), seriesID: snapshot.id)
                older.append(RecentChunks.Entry(minT: minT, maxT: maxT, summary: summary, chunk: chunk))
            }
            runs.store(older, of: snapshot.id, from: from, through: olderThrough)
        }
        // A run read while retention was deleting may hold chunks older than the series' oldest.
        if let oldest = snapshot.chunkMinT { older.removeAll { $0.minT < oldest } }
        if let heldFrom {
            // The chunks ending at or after `heldFrom` come from memory, the first of them even
            // when the stretch ends before `heldFrom` (it may start before the stretch's end).
            older.removeAll { $0.maxT >= heldFrom }
            older += snapshot.recent.overlapping(heldFrom, through)
        }
        try add(older[...], of: snapshot.id, decoded, from: from, through: through, into: &builder, lastT: &lastT)
    }

    /// Adds `entries` (chunks of series `seriesID` overlapping `[from, through]`, ascending) to
    /// `builder`: those inside by their summary, the others' samples inside, decoded through
    /// `decoded`.
    private static func add<Sink: SeriesPieceSink>(
        _ entries: ArraySlice<RecentChunks.Entry>, of seriesID: Int64, _ decoded: DecodedChunkCache, from: Int64, through: Int64,
        into builder: inout Sink, lastT: inout Int64?
    ) throws {
        // Entries are looked at in place: a copy is a 130-byte summary and retains.
        try entries.withUnsafeBufferPointer { entries in
            for index in entries.indices {
                if entries[index].minT >= from && entries[index].maxT <= through {
                    builder.add(entries[index].summary, minT: entries[index].minT, maxT: entries[index].maxT)
                } else {
                    builder.add(
                        try decoded.decoded(entries[index].chunk, series: seriesID, minT: entries[index].minT), from: from, through: through)
                }
                lastT = entries[index].maxT
            }
        }
    }

    /// The series' rollup brought up to date: blocks holding chunks retention deleted dropped,
    /// the chunks cut since it was last read appended (all of them on a first read) from memory
    /// when the store holds them, else from `db` (`ChunkRowsNeeded` without one), and kept in
    /// `cache` for the next read; `nil` when the series has no chunks.
    private static func currentRollup(_ db: Database?, _ snapshot: SeriesSnapshot, _ cache: SummaryRollupCache) throws -> SummaryRollup? {
        guard let chunkMinT = snapshot.chunkMinT, let chunkMaxT = snapshot.chunkMaxT else { return nil }
        var rollup = cache.rollup(of: snapshot.id) ?? SummaryRollup()
        rollup.removeBlocks(startingBefore: chunkMinT)
        if let known = rollup.maxT, known >= chunkMaxT { return rollup }
        if snapshot.recent.holds(from: rollup.maxT.map { $0 + 1 } ?? .min) {
            for entry in snapshot.recent.entries where rollup.maxT.map({ entry.maxT > $0 }) ?? true {
                // Chunks of a series never overlap; if they ever did, read this one without a rollup.
                if let known = rollup.maxT, entry.minT <= known { return nil }
                rollup.append(entry.summary, minT: entry.minT, maxT: entry.maxT)
            }
            cache.store(rollup, of: snapshot.id)
            return rollup
        }
        guard let db else { throw ChunkRowsNeeded() }
        let statement = try db.cachedStatement(
            sql: "SELECT min_t, max_t, count, summary FROM chunks WHERE series_id = ? AND max_t > ? ORDER BY max_t")
        let cursor = try Row.fetchCursor(statement, arguments: [snapshot.id, rollup.maxT ?? .min])
        while let row = try cursor.next() {
            let minT: Int64 = row[0]
            let maxT: Int64 = row[1]
            // Chunks of a series never overlap; if they ever did, read this one without a rollup.
            if let known = rollup.maxT, minT <= known { return nil }
            let summary = try SampleTables.decodeSummary(
                SampleTables.bytes(row, 3), count: row[2], minT: minT, maxT: maxT, seriesID: snapshot.id)
            rollup.append(summary, minT: minT, maxT: maxT)
        }
        cache.store(rollup, of: snapshot.id)
        return rollup
    }

    /// `error` as a `StorageError` of the read described by `what`.
    private static func storageError(_ error: any Error, _ what: @autoclosure () -> String) -> StorageError {
        if let error = error as? StorageError { return error }
        if let error = error as? ChunkError { return StorageError(.corrupt, "cannot \(what()): \(error)") }
        return StorageError(.io, "cannot \(what()): \(error)")
    }

    /// The label sets of the series matching every matcher with samples in `[start, end]`, sorted.
    public func seriesLabels(matchers: [SeriesMatcher], start: Int64, end: Int64) throws(StorageError) -> [Labels] {
        selectedStates(matchers, start, end).map(\.labels)
    }

    /// The label names of the series matching every matcher with samples in `[start, end]`, sorted.
    public func labelNames(matchers: [SeriesMatcher], start: Int64, end: Int64) throws(StorageError) -> [String] {
        if matchers.isEmpty && start == .min && end == .max { return index.labelNames }
        var names = Set<String>()
        for series in selectedStates(matchers, start, end) {
            for label in series.labels { names.insert(label.name) }
        }
        return names.sorted(by: Labels.precedes)
    }

    /// The values of the label `name` on the series matching every matcher with samples in
    /// `[start, end]`, sorted.
    public func labelValues(name: String, matchers: [SeriesMatcher], start: Int64, end: Int64) throws(StorageError) -> [String] {
        if matchers.isEmpty && start == .min && end == .max { return index.labelValues(name) }
        var values = Set<String>()
        for series in selectedStates(matchers, start, end) {
            if let value = series.labels[name] { values.insert(value) }
        }
        return values.sorted(by: Labels.precedes)
    }

    /// The selected series with their head samples in the window, sorted by label set.
    func snapshot(matchers: [SeriesMatcher], start: Int64, end: Int64) -> [SeriesSnapshot] {
        guard start <= end else { return [] }
        let slots = selectedSlots(matchers)
        var snapshots: [SeriesSnapshot] = []
        snapshots.reserveCapacity(slots.count)
        for slot in slots {
            if let snapshot = states[Int(slot)]?.snapshot(start, end) { snapshots.append(snapshot) }
        }
        return snapshots
    }

    /// The states of the series matching every matcher whose bounds overlap `[start, end]`,
    /// sorted by label set.
    private func selectedStates(_ matchers: [SeriesMatcher], _ start: Int64, _ end: Int64) -> [SeriesState] {
        guard start <= end else { return [] }
        return selectedSlots(matchers).compactMap { slot in
            let series = state(slot)
            return series.overlaps(start, end) ? series : nil
        }
    }

    /// The slots of the series matching every matcher, sorted by label set: remembered per set
    /// of matchers (`SelectionCache`) in that order, so reads need not sort.
    private func selectedSlots(_ matchers: [SeriesMatcher]) -> [Int32] {
        if let known = selections.slots(matching: matchers) { return known }
        var slots = index.select(matchers) { state($0).labels }
        slots.sort { state($0).labels < state($1).labels }
        selections.keep(slots, matching: matchers)
        return slots
    }

    /// Appends the head samples after the last chunk sample: a cut between the snapshot and the
    /// chunk read puts the same samples in both, and they must appear once.
    private static func appendHead(_ head: [ChunkSample], after lastT: Int64?, to samples: inout [ChunkSample]) {
        guard let lastT else {
            samples.append(contentsOf: head)
            return
        }
        for sample in head where sample.t > lastT { samples.append(sample) }
    }

    /// Runs a read on a reader connection of the pool, off the actor.
    ///
    /// The read runs on the calling thread: SQLite reads of a few rows take microseconds in WAL
    /// mode (readers never wait for the writer), far less than handing the read to the pool's
    /// queue and resuming on another thread, which rule evaluation would do thousands of times
    /// per interval.
    private nonisolated func read<T: Sendable>(
        _ what: @autoclosure () -> String, _ body: @escaping @Sendable (Database) throws -> T
    ) async throws(StorageError) -> T {
        do {
            return try Self.readOnThisThread(database.writer, body)
        } catch {
            throw Self.storageError(error, what())
        }
    }

    /// GRDB's blocking read (from a synchronous context, where it is the one chosen).
    private static func readOnThisThread<T>(_ writer: any DatabaseWriter, _ body: (Database) throws -> T) throws -> T {
        try writer.read(body)
    }
}
