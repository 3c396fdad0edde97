import GRDB
import Storage
import Testing

/// The store keeps the chunks it cut lately in memory (`SampleStoreConfiguration.recentChunkSpan`)
/// and reads recent windows from there: the answers are those of a store that reads every chunk
/// from the database, bit for bit, across restarts, retention and rolled-up long windows.
@Suite struct SampleStoreRecentChunksTests {
    static let step: Int64 = 15_000
    static let hour: Int64 = 3_600_000

    /// A counter with resets and stale markers, and a gauge, `count` samples 15 s apart from 0.
    static func series(count: Int, from first: Int = 0) -> [(Labels, [ChunkSample])] {
        var counter: [ChunkSample] = []
        var gauge: [ChunkSample] = []
        var value = 0.0
        for index in first..<first + count {
            let t = Int64(index) * step
            value = index % 911 == 0 ? 1 : value + Double(index % 5)
            counter.append(ChunkSample(t: t, v: index % 487 == 100 ? ChunkSample.staleMarker : value))
            gauge.append(ChunkSample(t: t, v: Double(index % 13) / 7))
        }
        return [
            (["__name__": "requests_total", "job": "api"], counter),
            (["__name__": "queue_depth", "job": "api"], gauge),
        ]
    }

    /// Appends `series` in batches of 40 scrapes.
    static func append(_ series: [(Labels, [ChunkSample])], to store: SampleStore) async throws {
        let count = series[0].1.count
        for start in stride(from: 0, to: count, by: 40) {
            let end = min(start + 40, count)
            let batch = AppendBatch(series: series.map { AppendBatch.Series(labels: $0.0, samples: Array($0.1[start..<end])) })
            #expect(try await store.append(batch).committed)
        }
    }

    /// Chunks of 15 minutes; with `recentSpan` 0, a store that reads every chunk from the database
    /// and decodes every edge chunk at every read.
    static func configuration(recentSpan: Int64, runCache: Int = 64 << 20) -> SampleStoreConfiguration {
        SampleStoreConfiguration(
            samplesPerChunk: 60, recentChunkSpan: recentSpan, chunkRunCacheBytes: recentSpan == 0 ? 0 : runCache,
            decodedChunkCacheBytes: recentSpan == 0 ? 0 : 32 << 20)
    }

    /// Windows ending at `end`: short ones (memory), ones reaching past the span, long ones (rollups).
    static func windows(endingAt end: Int64) -> [(Int64, Int64)] {
        let lengths: [Int64] = [300_000, 1_800_000, hour, 2 * hour, 6 * hour, 7 * hour + 59_000, 9 * hour, 13 * hour, 24 * hour, 30 * hour]
        return lengths.flatMap { length in [(end - length, end), (end - length - 7_000, end - 3 * step)] } + [(.min, .max), (end - hour, end - hour)]
    }

    /// Both reads of every window, from two stores, are identical.
    static func expectSameReads(_ store: SampleStore, _ reference: SampleStore, endingAt end: Int64, _ context: String) async throws {
        for matchers in [[SeriesMatcher.metricName("requests_total")], [SeriesMatcher.equal("job", "api")]] {
            for (start, stop) in windows(endingAt: end) {
                let plain = try await store.select(matchers: matchers, start: start, end: stop)
                #expect(plain == (try await reference.select(matchers: matchers, start: start, end: stop)), "\(context) select [\(start), \(stop)]")
                let summarised = try await store.selectSummarised(matchers: matchers, start: start, end: stop)
                #expect(
                    summarised == (try await reference.selectSummarised(matchers: matchers, start: start, end: stop)),
                    "\(context) selectSummarised [\(start), \(stop)]")
                #expect(summarised.map(\.sampleCount) == plain.map(\.samples.count), "\(context) [\(start), \(stop)]")
            }
        }
    }

    @Test func readsFromMemoryEqualReadsFromTheDatabase() async throws {
        let fixture = StoreFixture(configuration: Self.configuration(recentSpan: 8 * Self.hour))
        let store = try await fixture.open()
        let reference = try await StoreFixture(configuration: Self.configuration(recentSpan: 0)).open()
        // 31 hours, then reads, then 3 more hours (long windows' rollups grow from memory), then reads.
        let first = Self.series(count: 31 * 240)
        try await Self.append(first, to: store)
        try await Self.append(first, to: reference)
        try await Self.expectSameReads(store, reference, endingAt: 31 * Self.hour, "31 h")
        let more = Self.series(count: 3 * 240, from: 31 * 240)
        try await Self.append(more, to: store)
        try await Self.append(more, to: reference)
        try await Self.expectSameReads(store, reference, endingAt: 34 * Self.hour, "34 h")
        // After a restart the memory holds only what is cut since; then retention deletes the oldest day.
        let reopened = try await fixture.open()
        try await Self.expectSameReads(reopened, reference, endingAt: 34 * Self.hour, "reopened")
        let later = Self.series(count: 10 * 240, from: 34 * 240)
        try await Self.append(later, to: reopened)
        try await Self.append(later, to: reference)
        try await Self.expectSameReads(reopened, reference, endingAt: 44 * Self.hour, "reopened, 10 h later")
        // A window older than memory holds is read (and kept as a run) before retention cuts into it.
        for store in [reopened, reference] {
            _ = try await store.selectSummarised(matchers: [.metricName("requests_total")], start: 22 * Self.hour, end: 30 * Self.hour)
        }
        _ = try await reopened.deleteBefore(24 * Self.hour)
        _ = try await reference.deleteBefore(24 * Self.hour)
        let matchers = [SeriesMatcher.metricName("requests_total")]
        let after = try await reopened.selectSummarised(matchers: matchers, start: 22 * Self.hour, end: 30 * Self.hour)
        #expect(after == (try await reference.selectSummarised(matchers: matchers, start: 22 * Self.hour, end: 30 * Self.hour)))
        try await Self.expectSameReads(reopened, reference, endingAt: 44 * Self.hour, "after retention")
    }

    @Test func windowsEndingInTheOldestChunkHeldGiveWhatTheDatabaseGives() async throws {
        // Memory holds the chunks ending within 8 hours of the newest: the oldest of them starts
        // before that boundary. Windows ending inside it (and around it) read it whole.
        let store = try await StoreFixture(configuration: Self.configuration(recentSpan: 8 * Self.hour)).open()
        let reference = try await StoreFixture(configuration: Self.configuration(recentSpan: 0)).open()
        let series = Self.series(count: 12 * 240)
        try await Self.append(series, to: store)
        try await Self.append(series, to: reference)
        let matchers = [SeriesMatcher.metricName("requests_total")]
        for stop in stride(from: 3 * Self.hour, through: 5 * Self.hour, by: Int64.Stride(3 * Self.step)) {
            for start in [stop - 20 * 60_000, stop - 2 * Self.hour] {
                let summarised = try await store.selectSummarised(matchers: matchers, start: start, end: stop)
                #expect(summarised == (try await reference.selectSummarised(matchers: matchers, start: start, end: stop)), "[\(start), \(stop)]")
                let plain = series[0].1.filter { $0.t >= start && $0.t <= stop }
                #expect(summarised.first?.sampleCount == plain.count, "[\(start), \(stop)]")
            }
            let windows = try await store.accumulate(matchers: matchers, end: stop, ranges: [20 * 60_000, 2 * Self.hour])
            let want = try await reference.accumulate(matchers: matchers, end: stop, ranges: [20 * 60_000, 2 * Self.hour])
            #expect(SampleStoreWindowsTests.described(windows) == SampleStoreWindowsTests.described(want), "end \(stop)")
        }
    }

    @Test func recentWindowsAreReadWithoutTheDatabaseAndOlderOnesWithIt() async throws {
        let store = try await StoreFixture(configuration: Self.configuration(recentSpan: 4 * Self.hour)).open()
        let series = Self.series(count: 12 * 240)
        try await Self.append(series, to: store)
        let end = 12 * Self.hour - Self.step
        let expected = { (start: Int64) in series[0].1.filter { $0.t >= start && $0.t <= end } }
        // The chunk rows disappear from under the store (as if the file lost them).
        try await store.database.writer.write { db in try db.execute(sql: "DELETE FROM chunks") }
        let matchers = [SeriesMatcher.metricName("requests_total")]
        // Three hours back is held in memory: every sample is still there, plain and summarised.
        let recent = try await store.select(matchers: matchers, start: end - 3 * Self.hour, end: end)
        #expect(recent.first?.samples == expected(end - 3 * Self.hour))
        let summarised = try await store.selectSummarised(matchers: matchers, start: end - 3 * Self.hour, end: end)
        #expect(summarised.first?.sampleCount == expected(end - 3 * Self.hour).count)
        // Eight hours back is not: the rows read are gone, only the head and held chunks remain.
        let old = try await store.select(matchers: matchers, start: end - 8 * Self.hour, end: end)
        #expect((old.first?.samples.count ?? 0) < expected(end - 8 * Self.hour).count)
    }

    @Test func theStartOfALongWindowReadOnceIsReadFromMemoryAfterwards() async throws {
        let store = try await StoreFixture(configuration: Self.configuration(recentSpan: 2 * Self.hour)).open()
        let series = Self.series(count: 20 * 240)
        try await Self.append(series, to: store)
        let end = 20 * Self.hour - Self.step
        let matchers = [SeriesMatcher.metricName("requests_total")]
        let count = { (start: Int64, stop: Int64) in series[0].1.filter { $0.t >= start && $0.t <= stop }.count }
        // A 13-hour window (rolled up; its start and end read chunk by chunk) is read from the
        // database once, then slides by a minute at a time.
        let first = try await store.selectSummarised(matchers: matchers, start: end - 13 * Self.hour, end: end)
        #expect(first.first?.sampleCount == count(end - 13 * Self.hour, end))
        try await store.database.writer.write { db in try db.execute(sql: "DELETE FROM chunks") }
        for minute in 1...10 {
            let stop = end + Int64(minute) * 60_000
            let slid = try await store.selectSummarised(matchers: matchers, start: stop - 13 * Self.hour, end: stop)
            #expect(slid.first?.sampleCount == count(stop - 13 * Self.hour, stop), "minute \(minute)")
        }
        // A window starting elsewhere was never read: its rows are gone.
        let other = try await store.selectSummarised(matchers: matchers, start: end - 7 * Self.hour, end: end)
        #expect((other.first?.sampleCount ?? 0) < count(end - 7 * Self.hour, end))
    }
}
