import Logging
import Storage
import Testing

/// Series references: an append reports one per entry, and a later batch that passes them back
/// appends to the same series without its labels; a reference to a series retention deleted is
/// never taken for another series.
@Suite struct SampleStoreSeriesRefTests {
    private let a: Labels = ["__name__": "a", "job": "x"]
    private let b: Labels = ["__name__": "b", "job": "x"]

    private func store() async throws -> SampleStore {
        try await SampleStore.open(database: try BurnrateDatabase.inMemory(), logger: Logger(label: "test"))
    }

    @Test func referencesAppendWithoutLabels() async throws {
        let store = try await store()
        var first = AppendBatch()
        first.append(a, [ChunkSample(t: 1000, v: 1)])
        first.append(b, [ChunkSample(t: 1000, v: 2)])
        first.append(a, [ChunkSample(t: 2000, v: 3)])
        let report = try await store.append(first)
        #expect(report.committed && report.accepted == 3)
        #expect(report.seriesRefs.count == 3)
        let refA = try #require(report.seriesRefs[0])
        let refB = try #require(report.seriesRefs[1])
        #expect(report.seriesRefs[2] == refA, "a repeated label set is the same series")
        #expect(refA != refB)

        var second = AppendBatch()
        second.append(Labels(), [ChunkSample(t: 3000, v: 4)], ref: refA)
        second.append(Labels(), [ChunkSample(t: 3000, v: 5)], ref: refB)
        let again = try await store.append(second)
        #expect(again.committed && again.accepted == 2 && again.newSeries == 0)
        #expect(again.seriesRefs == [refA, refB])
        #expect(try await store.samples(of: a).map(\.v) == [1, 3, 4])
        #expect(try await store.samples(of: b).map(\.v) == [2, 5])

        // A rejection found through a reference still names the series.
        var late = AppendBatch()
        late.append(Labels(), [ChunkSample(t: 1500, v: 9)], ref: refA)
        let rejected = try await store.append(late)
        #expect(!rejected.committed && rejected.rejected(.outOfOrder) == 1)
        #expect(rejected.firstRejection?.labels == a)
    }

    @Test func aReferenceToADeletedSeriesIsStale() async throws {
        let store = try await store()
        let report = try await store.append(AppendBatch(series: [.init(labels: a, samples: [ChunkSample(t: 1000, v: 1)])]))
        let refA = try #require(report.seriesRefs.first ?? nil)
        try await store.deleteBefore(10_000)
        // A new series may take the freed slot: the old reference must not reach it.
        let reportB = try await store.append(AppendBatch(series: [.init(labels: b, samples: [ChunkSample(t: 20_000, v: 2)])]))
        #expect(reportB.committed)

        let stale = try await store.append(AppendBatch(series: [.init(labels: Labels(), samples: [ChunkSample(t: 30_000, v: 3)], ref: refA)]))
        #expect(!stale.committed && stale.staleRefs == 1 && stale.stored == 0)
        #expect(try await store.samples(of: b).map(\.v) == [2])

        // With its labels, a stale reference falls back to them: `a` is created anew.
        let withLabels = try await store.append(AppendBatch(series: [.init(labels: a, samples: [ChunkSample(t: 30_000, v: 3)], ref: refA)]))
        #expect(withLabels.committed && withLabels.newSeries == 1)
        #expect(withLabels.seriesRefs.first??.id != refA.id)
        #expect(try await store.samples(of: a).map(\.v) == [3])
    }

    @Test func aRetryKeepsReferencesAndNothingChanges() async throws {
        let store = try await store()
        let batch = AppendBatch(series: [.init(labels: a, samples: [ChunkSample(t: 1000, v: 1)])])
        let first = try await store.append(batch)
        let retry = try await store.append(batch)
        #expect(retry.committed && retry.accepted == 0 && retry.duplicates == 1)
        #expect(retry.seriesRefs == first.seriesRefs)
    }
}
