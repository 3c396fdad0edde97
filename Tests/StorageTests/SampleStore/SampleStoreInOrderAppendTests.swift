import GRDB
import Storage
import Testing

/// A batch whose every entry is a stored series, given once, with samples all newer than its
/// newest, is appended without grouping or classifying, with work items only for the series
/// that cut chunks (`SampleStore.appendInOrder`); any other batch takes the general path. Both
/// must give the same reports, chunks, heads, WAL rows and, after a restart, the same replayed
/// samples.
@Suite struct SampleStoreInOrderAppendTests {
    static let configuration = SampleStoreConfiguration(samplesPerChunk: 12, maxChunkSpan: 200_000, chunksPerWrite: 2)
    static let metric = "requests_total"

    /// The same batch with one more entry, without samples, which makes `append` take the
    /// general path (an entry without samples is not one `appendInOrder` takes);
    /// the entry changes nothing else but adds a `nil` reference at the end of the report.
    static func general(_ batch: AppendBatch) -> AppendBatch {
        var forced = batch
        forced.append(StoreFixture.labels(metric, instance: 0), [ChunkSample]())
        return forced
    }

    static func walRows(_ store: SampleStore) throws -> [Row] {
        try store.database.writer.read { db in try Row.fetchAll(db, sql: "SELECT id, samples, data FROM sample_wal ORDER BY id") }
    }

    static func everything(_ store: SampleStore) async throws -> [SeriesSamples] {
        try await store.select(matchers: [SeriesMatcher.metricName(metric)], start: .min, end: .max)
    }

    @Test func storedSeriesGivenNewerSamplesTakeTheInOrderPath() async throws {
        let store = try await StoreFixture(configuration: Self.configuration).open()
        let a = StoreFixture.labels(Self.metric, instance: 1)
        let b = StoreFixture.labels(Self.metric, instance: 2)
        let created = try await store.append(AppendBatch(series: [.init(labels: a, samples: [ChunkSample(t: 1_000, v: 1)]), .init(labels: b, samples: [ChunkSample(t: 1_000, v: 2)])]))
        #expect(await store.statistics().inOrderAppends == 0)
        let refs = created.seriesRefs

        // By reference and by labels, one and two samples.
        var batch = AppendBatch()
        batch.append(Labels(), [ChunkSample(t: 2_000, v: 3)], ref: refs[0])
        batch.append(b, [ChunkSample(t: 2_000, v: 4), ChunkSample(t: 3_000, v: 5)])
        let report = try await store.append(batch)
        #expect(await store.statistics().inOrderAppends == 1)
        #expect(report.committed && report.accepted == 3 && report.duplicates == 0 && report.rejected == 0)
        #expect(report.seriesRefs == refs)
        #expect(try await store.samples(of: a) == [ChunkSample(t: 1_000, v: 1), ChunkSample(t: 2_000, v: 3)])
        #expect(try await store.samples(of: b) == [ChunkSample(t: 1_000, v: 2), ChunkSample(t: 2_000, v: 4), ChunkSample(t: 3_000, v: 5)])

        // Also when a series cuts a chunk: b, one sample at a time, fills its head (12 samples)
        // and cuts it at the 13th.
        for second in 4...13 {
            _ = try await store.append(AppendBatch(series: [.init(labels: Labels(), samples: [ChunkSample(t: Int64(second) * 1_000, v: 6)], ref: refs[1])]))
        }
        #expect(await store.statistics().inOrderAppends == 11)
        #expect(await store.statistics().headSamples == 2 + 1)
        #expect(try await store.samples(of: b).count == 13)

        // Not for: a repeated sample, a series twice, a new series, a sample out of order.
        let others: [AppendBatch] = [
            AppendBatch(series: [.init(labels: a, samples: [ChunkSample(t: 2_000, v: 3)])]),
            AppendBatch(series: [.init(labels: a, samples: [ChunkSample(t: 4_000, v: 1)]), .init(labels: a, samples: [ChunkSample(t: 5_000, v: 1)])]),
            AppendBatch(series: [.init(labels: StoreFixture.labels(Self.metric, instance: 3), samples: [ChunkSample(t: 1_000, v: 1)])]),
            AppendBatch(series: [.init(labels: b, samples: [ChunkSample(t: 15_000, v: 1), ChunkSample(t: 14_000, v: 1)])]),
        ]
        for other in others { _ = try await store.append(other) }
        #expect(await store.statistics().inOrderAppends == 11)
    }

    /// Random batches (stored and new series, by reference or labels, repeated entries, samples
    /// old and new, duplicates, cuts, both policies) appended as they are to one store and through
    /// the general path to another: the same reports, samples and WAL rows after every batch,
    /// and the same samples replayed after a restart.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomBatchesGiveWhatTheGeneralPathGives(seed: UInt64) async throws {
        var random = SplitMix64(seed: seed)
        let fixtures = [StoreFixture(configuration: Self.configuration), StoreFixture(configuration: Self.configuration)]
        var stores = [try await fixtures[0].open(), try await fixtures[1].open()]
        let series = (1...8).map { StoreFixture.labels(Self.metric, instance: $0) }
        var refs: [[Labels: SeriesRef]] = [[:], [:]]
        var newest: [Labels: Int64] = [:]
        var inOrder = 0
        for step in 0..<120 {
            var entries: [(labels: Labels, samples: [ChunkSample], byRef: Bool)] = []
            // Most batches: every series of a few, once, with new samples (the common case).
            let common = Int.random(in: 0..<3, using: &random) > 0
            for labels in series.shuffled(using: &random).prefix(Int.random(in: 1...series.count, using: &random)) {
                let last = newest[labels] ?? 0
                var times: [Int64]
                if common || Int.random(in: 0..<2, using: &random) == 0 {
                    let count = Int.random(in: 0..<5, using: &random) == 0 ? Int.random(in: 2...7, using: &random) : 1
                    var t = last
                    times = (0..<count).map { _ in
                        t += 1_000 * Int64.random(in: 1...3, using: &random)
                        return t
                    }
                } else {
                    // Old, repeated, unsorted or equal timestamps.
                    times = (0..<Int.random(in: 1...3, using: &random)).map { _ in max(1_000, last - 1_000 * Int64.random(in: -1...2, using: &random)) }
                }
                let samples = times.map { ChunkSample(t: $0, v: Double($0 / 1_000 % 7)) }
                entries.append((labels, samples, Int.random(in: 0..<4, using: &random) > 0))
                if !common && Int.random(in: 0..<4, using: &random) == 0 { entries.append((labels, samples, false)) }
            }
            let policy: AppendPolicy = Int.random(in: 0..<4, using: &random) == 0 ? .acceptValid : .atomic
            var reports: [AppendReport] = []
            for position in 0..<2 {
                var batch = AppendBatch(policy: policy)
                for entry in entries {
                    let ref = entry.byRef ? refs[position][entry.labels] : nil
                    batch.append(ref == nil ? entry.labels : Labels(), entry.samples, ref: ref)
                }
                let before = await stores[position].statistics().inOrderAppends
                var report = try await stores[position].append(position == 0 ? batch : Self.general(batch))
                if position == 1 {
                    // The entry without samples has no reference (there are none when nothing was committed).
                    if report.seriesRefs.count == entries.count + 1 { #expect(report.seriesRefs.removeLast() == nil) }
                } else {
                    inOrder += await stores[position].statistics().inOrderAppends - before
                }
                for (entry, ref) in zip(entries, report.seriesRefs) where ref != nil { refs[position][entry.labels] = ref }
                reports.append(report)
            }
            #expect(reports[0] == reports[1], "step \(step)")
            if reports[0].stored > 0 || reports[0].duplicates > 0 {
                for entry in entries { newest[entry.labels] = max(newest[entry.labels] ?? 0, entry.samples.map(\.t).max() ?? 0) }
            }
            #expect(try await Self.everything(stores[0]) == Self.everything(stores[1]), "step \(step)")
            #expect(try Self.walRows(stores[0]) == Self.walRows(stores[1]), "step \(step)")
        }
        // The common case came often enough for the path to be tested.
        #expect(inOrder > 30)
        let before = try await Self.everything(stores[0])
        stores = [try await fixtures[0].open(), try await fixtures[1].open()]
        #expect(try await Self.everything(stores[0]) == before)
        #expect(try await Self.everything(stores[1]) == before)
    }
}
