import Testing
@testable import Storage

/// Appends with a deferred commit (rule output): visible at once, durable with the store's next
/// transaction, and never leaving the database ahead of or out of order with memory.
@Suite struct SampleStoreDeferredCommitTests {
    static let output = StoreFixture.labels("slo:sli_error:ratio_rate5m", instance: 0)
    static let input = StoreFixture.labels("requests_total", instance: 0)

    private static func deferred(_ store: SampleStore, _ labels: Labels, _ samples: [ChunkSample]) async throws -> AppendReport {
        try await store.append(AppendBatch(series: [AppendBatch.Series(labels: labels, samples: samples)], policy: .acceptValid), deferringCommit: true)
    }

    private static func stored(_ path: String, _ labels: Labels) async throws -> [ChunkSample] {
        let reopened = try await StoreFixture.open(path: path)
        let matchers = labels.map { SeriesMatcher.equal($0.name, $0.value) }
        return try await reopened.select(matchers: matchers, start: .min, end: .max).first?.samples ?? []
    }

    @Test func deferredSamplesAreReadAtOnceAndStoredByTheCommit() async throws {
        let fixture = StoreFixture()
        let store = try await fixture.open()
        // The first append creates the series: committed at once.
        let first = StoreFixture.samples(from: 0, count: 1)
        _ = try await Self.deferred(store, Self.output, first)
        #expect(try await Self.stored(fixture.path, Self.output) == first)
        // Later ones only in memory until the commit.
        let later = StoreFixture.samples(from: 15_000, count: 3)
        for sample in later { _ = try await Self.deferred(store, Self.output, [sample]) }
        #expect(try await store.select(matchers: [.metricName(Self.output.metricName!)], start: .min, end: .max).first?.samples == first + later)
        #expect(try await Self.stored(fixture.path, Self.output) == first)
        try await store.commitDeferred()
        #expect(try await Self.stored(fixture.path, Self.output) == first + later)
        // Nothing left to commit: a no-op.
        try await store.commitDeferred()
        #expect(try await Self.stored(fixture.path, Self.output) == first + later)
    }

    @Test func anyTransactionOfTheStoreWritesTheDeferredRowsFirst() async throws {
        let fixture = StoreFixture()
        let store = try await fixture.open()
        let samples = StoreFixture.samples(from: 0, count: 3)
        _ = try await Self.deferred(store, Self.output, [samples[0]])
        try await store.append(Self.input, [samples[0]])
        _ = try await Self.deferred(store, Self.output, [samples[1]])
        #expect(try await Self.stored(fixture.path, Self.output) == [samples[0]])
        // An ingest append commits the rule output deferred before it.
        try await store.append(Self.input, [samples[1]])
        #expect(try await Self.stored(fixture.path, Self.output) == Array(samples[...1]))
        // So does retention.
        _ = try await Self.deferred(store, Self.output, [samples[2]])
        _ = try await store.deleteBefore(-1)
        #expect(try await Self.stored(fixture.path, Self.output) == samples)
    }

    @Test func deferredAppendsUntilACommitShareOneWALRowThatReplaysExactly() async throws {
        // Chunks of 4 samples: the replay of the row cuts where the appends would have.
        var configuration = SampleStoreConfiguration()
        configuration.samplesPerChunk = 4
        let fixture = StoreFixture(configuration: configuration)
        let store = try await fixture.open()
        let series = (0..<3).map { StoreFixture.labels("slo:sli_error:ratio_rate5m", instance: $0) }
        for labels in series { _ = try await Self.deferred(store, labels, StoreFixture.samples(from: 0, count: 1)) }
        try await store.commitDeferred()
        let before = await store.statistics().nextWALRow
        // Three "wake-ups" of a scheduler without a commit between them: each series appears in
        // the row once per append (a stale marker among them), up to 3 samples, fewer than a chunk.
        var expected = series.map { _ in StoreFixture.samples(from: 0, count: 1) }
        for round in 1...3 {
            for (index, labels) in series.enumerated() where index != round % 3 || round == 3 {
                let value = round == 2 && index == 1 ? ChunkSample.staleMarker : Double(round * 10 + index)
                let sample = ChunkSample(t: Int64(round) * 15_000, v: value)
                let report = try await Self.deferred(store, labels, [sample])
                #expect(report.accepted == 1)
                expected[index].append(sample)
            }
        }
        // One row for all nine appends, not yet written.
        #expect(await store.statistics().nextWALRow == before + 1)
        for (index, labels) in series.enumerated() { #expect(try await Self.stored(fixture.path, labels) == [expected[index][0]]) }
        try await store.commitDeferred()
        for (index, labels) in series.enumerated() {
            let stored = try await Self.stored(fixture.path, labels)
            #expect(stored.map(\.t) == expected[index].map(\.t))
            #expect(stored.map(\.v.bitPattern) == expected[index].map(\.v.bitPattern))
        }
        // The reopened store appends after the replayed samples, cutting as it would have.
        let reopened = try await fixture.open()
        for (index, labels) in series.enumerated() {
            let sample = ChunkSample(t: 4 * 15_000, v: Double(40 + index))
            let report = try await reopened.append(AppendBatch(series: [AppendBatch.Series(labels: labels, samples: [sample])]))
            #expect(report.accepted == 1)
            expected[index].append(sample)
        }
        for (index, labels) in series.enumerated() {
            let stored = try await Self.stored(fixture.path, labels)
            #expect(stored.map(\.v.bitPattern) == expected[index].map(\.v.bitPattern))
        }
    }

    @Test func aRowHoldingASeriesTwiceIsReplayedAsOneEntryInOrder() {
        let entries = [
            WALRecordReaderEntryFixture.entry(1, [0, 1]), WALRecordReaderEntryFixture.entry(2, [0]),
            WALRecordReaderEntryFixture.entry(1, [2]), WALRecordReaderEntryFixture.entry(3, [5]), WALRecordReaderEntryFixture.entry(2, [1, 2]),
        ]
        let merged = SampleStore.bySeries(entries)
        #expect(merged.map(\.seriesID) == [1, 2, 3])
        #expect(merged.map { $0.samples.map(\.t) } == [[0, 1, 2], [0, 1, 2], [5]])
    }

    @Test func anAppendThatCutsAChunkIsCommittedAtOnceWithWhatWasDeferred() async throws {
        var configuration = SampleStoreConfiguration()
        configuration.samplesPerChunk = 4
        let fixture = StoreFixture(configuration: configuration)
        let store = try await fixture.open()
        let samples = StoreFixture.samples(from: 0, count: 6)
        var cutAt: Int?
        for (index, sample) in samples.enumerated() {
            _ = try await Self.deferred(store, Self.output, [sample])
            let durable = try await Self.stored(fixture.path, Self.output)
            // Durable up to the last append that created the series or cut a chunk.
            if index == 0 {
                #expect(durable == [sample])
            } else if durable.count == index + 1 {
                cutAt = cutAt ?? index
                #expect(durable == Array(samples[...index]))
            } else {
                #expect(durable.count < index + 1)
            }
        }
        #expect(cutAt != nil)
        try await store.commitDeferred()
        #expect(try await Self.stored(fixture.path, Self.output) == samples)
    }
}

/// WAL entries for the replay's merging.
enum WALRecordReaderEntryFixture {
    static func entry(_ id: Int64, _ times: [Int64]) -> WALRecordReader.Entry {
        WALRecordReader.Entry(seriesID: id, samples: times.map { ChunkSample(t: $0, v: Double($0)) })
    }
}
