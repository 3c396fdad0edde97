import GRDB
import Storage
import Testing

/// The chunks an append or maintenance cuts are encoded on several threads when there are
/// enough of them (`SampleStoreConfiguration.cutEncodingParallelism`): the rows written, the
/// samples read back and what memory keeps are those of encoding them one after the other.
@Suite struct SampleStoreCutEncodingTests {
    private static let minute: Int64 = 60_000

    private static func configuration(parallelism: Int) -> SampleStoreConfiguration {
        SampleStoreConfiguration(
            samplesPerChunk: 40, maxChunkSpan: 30 * minute, idleHeadCutAfter: 60 * minute, maintenanceInterval: 4,
            cutEncodingParallelism: parallelism)
    }

    private static func labels(_ index: Int) -> Labels {
        StoreFixture.labels("requests_total", instance: index, ["code": index % 3 == 0 ? "500" : "200"])
    }

    /// Batches as a backfill sends them: `series` series of 20 samples per batch, a minute apart,
    /// the first batch with more (new series cut chunks in the batch that creates them); then a
    /// second group of series far behind the first, and a third far ahead of both, after which
    /// maintenance cuts the heads of the first two as idle.
    private static func batches() -> [AppendBatch] {
        var batches: [AppendBatch] = []
        func value(_ series: Int, _ i: Int) -> Double {
            // Counters with irregular increments, a reset, and a stale marker now and then.
            if (i + series) % 97 == 0 { return Double(bitPattern: 0x7FF0_0000_0000_0002) }
            return Double(((i * 7_919 + series * 104_729) % 61) + i * 10 - (i > 150 ? 1_500 : 0))
        }
        func batch(_ range: Range<Int>, from first: Int, count: Int, start: Int64) -> AppendBatch {
            var batch = AppendBatch()
            for series in range {
                let samples = (first..<(first + count)).map { i in
                    ChunkSample(t: start + Int64(i) * minute + Int64(series % 5) * 1_000, v: value(series, i))
                }
                batch.append(labels(series), samples)
            }
            return batch
        }
        batches.append(batch(0..<300, from: 0, count: 130, start: 0))
        for round in 0..<8 { batches.append(batch(0..<300, from: 130 + round * 20, count: 20, start: 0)) }
        for round in 0..<6 { batches.append(batch(300..<600, from: round * 20, count: 20, start: -1_000 * minute)) }
        // A third group far ahead: the first two are idle now, and maintenance cuts their heads.
        for round in 0..<8 { batches.append(batch(600..<900, from: round * 20, count: 20, start: 2_000 * minute)) }
        return batches
    }

    private static func chunkRows(_ store: SampleStore) async throws -> [Row] {
        try store.database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT series_id, min_t, max_t, count, data, summary FROM chunks ORDER BY series_id, max_t")
        }
    }

    @Test func chunksEncodedOnSeveralThreadsAreThoseEncodedOnOne() async throws {
        let serial = try await StoreFixture(configuration: Self.configuration(parallelism: 1)).open()
        let parallel = try await StoreFixture(configuration: Self.configuration(parallelism: 4)).open()
        for batch in Self.batches() {
            let one = try await serial.append(batch)
            let other = try await parallel.append(batch)
            #expect(one.committed && other.committed)
            #expect(one.accepted == other.accepted && one.newSeries == other.newSeries)
        }
        let rows = try await Self.chunkRows(serial)
        // Enough chunks were cut in single appends and maintenance for the threads to share them.
        #expect(rows.count > 2_000)
        #expect(try await Self.chunkRows(parallel) == rows)

        let matchers = [SeriesMatcher.metricName("requests_total")]
        let expected = try await serial.select(matchers: matchers, start: .min, end: .max)
        #expect(expected.count == 900)
        // Only the third group's heads are left (at most 31 samples each: 30 minutes at one a minute).
        let heads = await serial.statistics().headSamples
        #expect(heads > 0 && heads <= 300 * 31)
        #expect(await parallel.statistics().headSamples == heads)
        #expect(try await parallel.select(matchers: matchers, start: .min, end: .max) == expected)
        let recent = try await serial.selectSummarised(matchers: matchers, start: 100 * Self.minute, end: 300 * Self.minute)
        #expect(try await parallel.selectSummarised(matchers: matchers, start: 100 * Self.minute, end: 300 * Self.minute) == recent)
    }
}
