import Testing
import Storage

/// `SampleStore.appendDeferred(_:)` (rule output: one sample per existing series straight to the
/// heads and the deferred WAL row) against `append(_:deferringCommit:)` with `.acceptValid`: the
/// same samples read back, in memory and from the database after the commit and a reopen, over
/// random batches mixing new series, a series twice in a batch (the same sample or a later one),
/// samples older than or equal to the newest, stale markers, and heads filling up to a cut.
@Suite struct SampleStoreRuleOutputTests {
    /// Everything the store holds, series by series, values as bits.
    static func contents(_ store: SampleStore) async throws -> [String] {
        try await store.select(matchers: [.init("__name__", .regexMatch, ".+")], start: .min, end: .max).map { series in
            "\(series.labels): " + series.samples.map { "\($0.t)=\($0.v.bitPattern)" }.joined(separator: " ")
        }
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func theFastPathStoresWhatTheGeneralAppendStores(seed: UInt64) async throws {
        var configuration = SampleStoreConfiguration()
        configuration.samplesPerChunk = 6
        let fast = StoreFixture(configuration: configuration)
        let general = StoreFixture(configuration: configuration)
        let (fastStore, generalStore) = (try await fast.open(), try await general.open())
        var random = SplitMix64(seed: seed)
        let names = (0..<8).map { StoreFixture.labels("slo:ratio", instance: $0) }
        var time: Int64 = 0
        var fastTaken = 0
        for round in 0..<120 {
            time += 15_000
            var batch: [LabeledSample] = []
            for labels in names where random.next() % 4 != 0 {
                var sample = ChunkSample(t: time, v: Double(random.next() % 100) / 7)
                var later: ChunkSample?
                switch random.next() % 12 {
                case 0: sample.v = ChunkSample.staleMarker
                case 1: later = ChunkSample(t: time + 1, v: 1)  // the series again in the batch
                case 2: sample.t = time - 15_000  // not newer than the newest, or a gap filled
                default: break
                }
                batch.append(LabeledSample(labels: labels, sample: sample))
                if let later { batch.append(LabeledSample(labels: labels, sample: later)) }
            }
            if round % 10 == 3, let repeated = batch.first { batch.append(repeated) }
            if round % 17 == 5 { batch.append(LabeledSample(labels: StoreFixture.labels("slo:new", instance: round), sample: ChunkSample(t: time, v: 1))) }
            let before = await fastStore.statistics().headSamples
            var refs: [SeriesRef?] = []
            try await fastStore.appendDeferred(batch, refs: &refs)
            #expect(refs.count == batch.count)
            var general = AppendBatch(policy: .acceptValid)
            for entry in batch { general.append(entry.labels, [entry.sample]) }
            _ = try await generalStore.append(general, deferringCommit: true)
            if await fastStore.statistics().headSamples > before { fastTaken += 1 }
            #expect(try await Self.contents(fastStore) == Self.contents(generalStore), "round \(round)")
            if round % 40 == 39 {
                try await fastStore.commitDeferred()
                try await generalStore.commitDeferred()
            }
        }
        try await fastStore.commitDeferred()
        try await generalStore.commitDeferred()
        #expect(fastTaken > 50)
        let (fastReopened, generalReopened) = (try await fast.open(), try await general.open())
        let stored = try await Self.contents(generalReopened)
        #expect(try await Self.contents(fastReopened) == stored)
        #expect(try await Self.contents(fastStore) == stored)
    }

    @Test func aLiveReferenceFindsItsSeriesAndEveryEntryGetsOne() async throws {
        let store = try await StoreFixture().open()
        let (a, b) = (StoreFixture.labels("slo:ratio", instance: 0), StoreFixture.labels("slo:ratio", instance: 1))
        var refs: [SeriesRef?] = []
        // New series (the general path) and then existing ones (the fast path) get references.
        try await store.appendDeferred([LabeledSample(labels: a, sample: ChunkSample(t: 0, v: 1)), LabeledSample(labels: b, sample: ChunkSample(t: 0, v: 2))], refs: &refs)
        let (refA, refB) = (try #require(refs[0]), try #require(refs[1]))
        #expect(refA != refB)
        refs = [nil, nil]
        try await store.appendDeferred([LabeledSample(labels: a, sample: ChunkSample(t: 15_000, v: 3)), LabeledSample(labels: b, sample: ChunkSample(t: 15_000, v: 4))], refs: &refs)
        #expect(refs == [refA, refB])
        // Given, a reference is followed without looking at the labels: here it names b.
        refs = [refB]
        try await store.appendDeferred([LabeledSample(labels: a, sample: ChunkSample(t: 30_000, v: 5))], refs: &refs)
        #expect(refs == [refB])
        let b30 = try await store.select(matchers: b.map { .equal($0.name, $0.value) }, start: 30_000, end: 30_000)
        #expect(b30.first?.samples == [ChunkSample(t: 30_000, v: 5)])
        // A batch the fast path cannot take (a sample no newer than the series' newest) still
        // reports references.
        refs = []
        try await store.appendDeferred([LabeledSample(labels: a, sample: ChunkSample(t: 15_000, v: 6))], refs: &refs)
        #expect(refs == [refA])
    }
}
