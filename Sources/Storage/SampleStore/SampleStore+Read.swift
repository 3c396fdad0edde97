internal import GRDB

extension SampleStore {
    /// The series matching every matcher with their samples in `[start, end]` (milliseconds,
    /// both ends included), from chunks and heads, sorted by label set.
    public nonisolated func select(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [SeriesSamples] {
        guard start <= end else { return [] }
        let snapshots = await snapshot(matchers: matchers, start: start, end: end)
        if !snapshots.contains(where: \.readsChunks) {
            return snapshots.compactMap { $0.head.isEmpty ? nil : SeriesSamples(labels: $0.labels, samples: $0.head) }
        }
        return try await read("select \(matchers)") { db in
            var result: [SeriesSamples] = []
            result.reserveCapacity(snapshots.count)
            for snapshot in snapshots {
                var samples: [ChunkSample] = []
                if snapshot.readsChunks {
                    try SampleTables.forEachChunk(db, seriesID: snapshot.id, start: start, end: end, columns: "data") { minT, maxT, row in
                        let chunk = try SampleTables.decodeChunk(SampleTables.bytes(row, 2), seriesID: snapshot.id)
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
                }
                Self.appendHead(snapshot.head, after: samples.last?.t, to: &samples)
                if !samples.isEmpty { result.append(SeriesSamples(labels: snapshot.labels, samples: samples)) }
            }
            return result
        }
    }

    /// Windows at least this long (milliseconds) read the runs of whole chunks inside them from
    /// the series' rolled-up summaries (`SummaryRollup`, built on a series' first such read and
    /// kept in memory); shorter ones, which hold fewer chunks than a block, read every chunk row.
    static let rollupMinimumWindow: Int64 = 12 * 3_600_000

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
        return try await read("selectSummarised \(matchers)") { db in
            var result: [SummarisedSeries] = []
            result.reserveCapacity(snapshots.count)
            for snapshot in snapshots {
                var builder = SeriesPieceBuilder()
                var lastT: Int64?
                if snapshot.readsChunks {
                    if let cache, let rollup = try Self.currentRollup(db, snapshot, cache) {
                        try rollup.cover(from: start, through: end) { from, through in
                            try Self.readChunkPieces(db, seriesID: snapshot.id, from: from, through: through, into: &builder, lastT: &lastT)
                        } block: { block in
                            builder.add(block)
                            lastT = block.maxT
                        }
                    } else {
                        try Self.readChunkPieces(db, seriesID: snapshot.id, from: start, through: end, into: &builder, lastT: &lastT)
                    }
                }
                for sample in snapshot.head where lastT.map({ sample.t > $0 }) ?? true { builder.add(sample) }
                let pieces = builder.finish()
                if !pieces.isEmpty { result.append(SummarisedSeries(labels: snapshot.labels, pieces: pieces)) }
            }
            return result
        }
    }

    /// Adds the chunks of a series overlapping `[from, through]` to `builder`: those lying wholly
    /// inside as their summary, the others decoded (their samples inside only).
    private static func readChunkPieces(
        _ db: Database, seriesID: Int64, from: Int64, through: Int64, into builder: inout SeriesPieceBuilder, lastT: inout Int64?
    ) throws {
        try SampleTables.forEachChunk(
            db, seriesID: seriesID, start: from, end: through,
            columns: "summary, CASE WHEN min_t >= ?2 AND max_t <= ?3 THEN NULL ELSE data END, count",
            arguments: [through]
        ) { minT, maxT, row in
            if row.hasNull(atIndex: 3) {
                let summary = try SampleTables.decodeSummary(
                    SampleTables.bytes(row, 2), count: row[4], minT: minT, maxT: maxT, seriesID: seriesID)
                builder.add(summary, minT: minT, maxT: maxT)
            } else {
                let chunk = try SampleTables.decodeChunk(SampleTables.bytes(row, 3), seriesID: seriesID)
                builder.reserveSamples(chunk.count)
                var iterator = chunk.makeIterator()
                while let sample = try iterator.next(), sample.t <= through {
                    if sample.t >= from { builder.add(sample) }
                }
            }
            lastT = maxT
        }
    }

    /// The series' rollup brought up to date: blocks holding chunks retention deleted dropped,
    /// the chunks cut since it was last read appended (all of them on a first read), and kept in
    /// `cache` for the next read; `nil` when the series has no chunks.
    private static func currentRollup(_ db: Database, _ snapshot: SeriesSnapshot, _ cache: SummaryRollupCache) throws -> SummaryRollup? {
        guard let chunkMinT = snapshot.chunkMinT, let chunkMaxT = snapshot.chunkMaxT else { return nil }
        var rollup = cache.rollup(of: snapshot.id) ?? SummaryRollup()
        rollup.removeBlocks(startingBefore: chunkMinT)
        if let known = rollup.maxT, known >= chunkMaxT { return rollup }
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

    /// The label sets of the series matching every matcher with samples in `[start, end]`, sorted.
    public func seriesLabels(matchers: [SeriesMatcher], start: Int64, end: Int64) throws(StorageError) -> [Labels] {
        selectedStates(matchers, start, end).map(\.labels).sorted()
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
        var snapshots = selectedStates(matchers, start, end).map { series in
            SeriesSnapshot(
                id: series.id, labels: series.labels, head: series.head.samples(from: start, through: end),
                readsChunks: series.chunksOverlap(start, end), chunkMinT: series.chunkMinT, chunkMaxT: series.chunkMaxT)
        }
        snapshots.sort { $0.labels < $1.labels }
        return snapshots
    }

    /// The states of the series matching every matcher whose bounds overlap `[start, end]`.
    private func selectedStates(_ matchers: [SeriesMatcher], _ start: Int64, _ end: Int64) -> [SeriesState] {
        guard start <= end else { return [] }
        return index.select(matchers) { state($0).labels }.compactMap { slot in
            let series = state(slot)
            return series.overlaps(start, end) ? series : nil
        }
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
    private nonisolated func read<T: Sendable>(
        _ what: String, _ body: @escaping @Sendable (Database) throws -> T
    ) async throws(StorageError) -> T {
        do {
            return try await database.writer.read(body)
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError(.io, "cannot \(what): \(error)")
        }
    }
}
