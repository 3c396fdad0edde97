import Testing
import Storage

/// `SampleStore.selectLatest(matchers:start:end:)` (each series' latest sample in a window, from
/// the head without copying it where the head has one there) against `select` keeping each
/// series' last sample: the same series, in the same order, with the same bits, for windows
/// ending in the head, before it, inside chunks kept in memory and in the database only, and
/// windows holding nothing; stale markers included.
@Suite struct SampleStoreLatestTests {
    static let step: Int64 = 15_000

    /// What `select` gives, last samples only.
    static func expected(_ store: SampleStore, _ matchers: [SeriesMatcher], _ start: Int64, _ end: Int64) async throws -> [String] {
        try await store.select(matchers: matchers, start: start, end: end).map { series in
            "\(series.labels) \(series.samples.last!.t) \(series.samples.last!.v.bitPattern)"
        }
    }

    static func latest(_ store: SampleStore, _ matchers: [SeriesMatcher], _ start: Int64, _ end: Int64) async throws -> [String] {
        try await store.selectLatest(matchers: matchers, start: start, end: end).entries.map { entry in
            "\(entry.labels) \(entry.sample.t) \(entry.sample.v.bitPattern)"
        }
    }

    @Test func theLatestSampleOfEachSeriesIsTheLastOneSelectGives() async throws {
        // Chunks of 8 samples, the newest kept in memory only for a minute's span: older windows
        // read chunk rows from the database.
        var configuration = SampleStoreConfiguration()
        configuration.samplesPerChunk = 8
        configuration.recentChunkSpan = 60_000
        let fixture = StoreFixture(configuration: configuration)
        let store = try await fixture.open()
        // Series of different lengths (one ends early, one starts late), a stale marker in each.
        for instance in 0..<5 {
            let first = instance == 4 ? 60 : 0
            let count = instance == 3 ? 30 : 100
            var samples = StoreFixture.samples(from: Int64(first) * Self.step, count: count - first) { Double($0 * (instance + 1)) }
            samples[(instance * 7 + 11) % samples.count].v = ChunkSample.staleMarker
            try await store.append(StoreFixture.labels("x", instance: instance), samples)
        }
        let matchers = [SeriesMatcher.metricName("x")]
        var checked = 0
        for end in stride(from: -Self.step, through: 105 * Self.step, by: 7_000) {
            for length: Int64 in [0, Self.step - 1, Self.step, 5 * 60_000, 40 * Self.step] {
                let start = end - length
                let expected = try await Self.expected(store, matchers, start, end)
                #expect(try await Self.latest(store, matchers, start, end) == expected, "window [\(start), \(end)]")
                checked += expected.count
            }
        }
        // Windows found samples in heads, chunks and the database alike.
        #expect(checked > 1_000)
        // A window ending before the start: nothing.
        #expect(try await store.selectLatest(matchers: matchers, start: 10, end: 9).isEmpty)
    }

    @Test func theProtocolsDefaultKeepsTheLastSampleOfSelect() async throws {
        let reader = MemorySampleReader()
        await reader.add(StoreFixture.labels("x", instance: 0), StoreFixture.samples(from: 0, count: 10))
        await reader.add(StoreFixture.labels("x", instance: 1), [ChunkSample(t: 0, v: 1), ChunkSample(t: Self.step, v: ChunkSample.staleMarker)])
        let latest = try await reader.selectLatest(matchers: [.metricName("x")], start: 0, end: 3 * Self.step)
        #expect(latest.entries.map(\.labels) == [StoreFixture.labels("x", instance: 0), StoreFixture.labels("x", instance: 1)])
        #expect(latest.entries[0].sample == ChunkSample(t: 3 * Self.step, v: 3))
        #expect(latest.entries[1].sample.t == Self.step && latest.entries[1].sample.isStaleMarker)
    }
}
