import GRDB
import Storage
import Testing

/// A series given several samples per append keeps up to `chunksPerWrite` complete chunks in its
/// head and cuts them together (`SampleStoreConfiguration.chunksPerWrite`): the chunks written,
/// the samples read back at every step, after maintenance and after a reopening are those of
/// cutting each chunk as it fills.
@Suite struct SampleStoreChunksPerWriteTests {
    private static let minute: Int64 = 60_000

    private static func configuration(chunksPerWrite: Int) -> SampleStoreConfiguration {
        SampleStoreConfiguration(
            samplesPerChunk: 40, maxChunkSpan: 30 * minute, idleHeadCutAfter: 60 * minute, maintenanceInterval: 4,
            chunksPerWrite: chunksPerWrite)
    }

    private static func labels(_ index: Int) -> Labels {
        StoreFixture.labels("requests_total", instance: index)
    }

    /// Backfill batches of 7 samples per series (some with a gap of an hour, which ends a chunk
    /// by its span), then single samples as live scrapes send them, then a group of series far
    /// ahead, then a third group farther still: maintenance cuts the first group's heads as idle,
    /// then the second's, which still keep complete chunks.
    private static func batches() -> [AppendBatch] {
        var batches: [AppendBatch] = []
        func samples(_ series: Int, _ range: Range<Int>, start: Int64) -> [ChunkSample] {
            range.map { i in
                let gap: Int64 = i >= 120 ? 60 * minute : 0
                return ChunkSample(t: start + gap + Int64(i) * minute, v: Double(i * 3 + series))
            }
        }
        for round in 0..<30 {
            var batch = AppendBatch()
            for series in 0..<20 { batch.append(labels(series), samples(series, (round * 7)..<(round * 7 + 7), start: 0)) }
            batches.append(batch)
        }
        for i in 210..<260 {
            var batch = AppendBatch()
            for series in 0..<20 { batch.append(labels(series), samples(series, i..<(i + 1), start: 0)) }
            batches.append(batch)
        }
        for round in 0..<10 {
            var batch = AppendBatch()
            for series in 20..<30 { batch.append(labels(series), samples(series, (round * 7)..<(round * 7 + 7), start: 5_000 * minute)) }
            batches.append(batch)
        }
        for round in 0..<10 {
            var batch = AppendBatch()
            for series in 30..<35 { batch.append(labels(series), samples(series, (round * 7)..<(round * 7 + 7), start: 10_000 * minute)) }
            batches.append(batch)
        }
        return batches
    }

    /// The chunk rows of the series with ids up to `lastSeries`.
    private static func chunkRows(_ store: SampleStore, lastSeries: Int64 = .max) async throws -> [Row] {
        try store.database.writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT series_id, min_t, max_t, count, data, summary FROM chunks WHERE series_id <= ? ORDER BY series_id, max_t",
                arguments: [lastSeries])
        }
    }

    private static let matchers = [SeriesMatcher.metricName("requests_total")]

    @Test func chunksWrittenTogetherAreThoseWrittenOneByOne() async throws {
        let eager = try await StoreFixture(configuration: Self.configuration(chunksPerWrite: 1)).open()
        let fixture = StoreFixture(configuration: Self.configuration(chunksPerWrite: 4))
        let batched = try await fixture.open()
        var keptChunks = false
        for (position, batch) in Self.batches().enumerated() {
            let one = try await eager.append(batch)
            let other = try await batched.append(batch)
            #expect(one.committed && other.committed && one.accepted == other.accepted)
            let expected = try await eager.select(matchers: Self.matchers, start: .min, end: .max)
            #expect(try await batched.select(matchers: Self.matchers, start: .min, end: .max) == expected, "after batch \(position)")
            let rows = try await Self.chunkRows(batched).count
            if try await rows < Self.chunkRows(eager).count { keptChunks = true }
            // A head never keeps more than 4 chunks and the open one (40 samples each).
            #expect(await batched.statistics().headSamples <= 35 * 5 * 40)
        }
        // The backfill kept complete chunks in heads for a while.
        #expect(keptChunks)
        // Maintenance cut the heads of the first two groups (series 1 to 30) as idle, into the
        // same chunks, the complete ones the second group's heads kept included.
        #expect(try await Self.chunkRows(batched, lastSeries: 30) == Self.chunkRows(eager, lastSeries: 30))
        #expect(try await Self.chunkRows(eager, lastSeries: 30).count > 20 * 6 + 10 * 2)

        // Reopened in the middle of a backfill: the heads, kept chunks included, are replayed.
        let reopened = try await fixture.open()
        #expect(try await reopened.select(matchers: Self.matchers, start: .min, end: .max) == eager.select(matchers: Self.matchers, start: .min, end: .max))
        try await reopened.persistHeads()
        try await eager.persistHeads()
        #expect(try await reopened.select(matchers: Self.matchers, start: .min, end: .max) == eager.select(matchers: Self.matchers, start: .min, end: .max))
        #expect(try await Self.chunkRows(reopened) == Self.chunkRows(eager))
    }

    @Test func aHeadKeepsChunksOnlyUntilItHasEnough() async throws {
        let store = try await StoreFixture(configuration: Self.configuration(chunksPerWrite: 3)).open()
        let series = Self.labels(0)
        // 7 samples a batch, 15 s apart: a chunk (40 samples) completes about every 6 batches, the
        // third once the 121st sample is there.
        var appended = 0
        while appended < 140 {
            try await store.append(series, StoreFixture.samples(from: Int64(appended) * 15_000, count: 7))
            appended += 7
            let rows = try await Self.chunkRows(store).count
            #expect(rows == (appended > 120 ? 3 : 0), "after \(appended) samples")
            #expect(await store.statistics().headSamples == appended - (appended > 120 ? 120 : 0))
        }
        // One sample at a time (live) cuts a complete chunk as soon as it is there.
        for i in 140..<161 {
            try await store.append(series, [ChunkSample(t: Int64(i) * 15_000, v: Double(i))])
        }
        #expect(try await Self.chunkRows(store).count == 4)
        #expect(await store.statistics().headSamples == 1)
    }
}
