import Testing
import Storage

@Suite struct SampleStoreRetentionTests {
    private let old: Labels = ["__name__": "old"]
    private let long: Labels = ["__name__": "long"]
    private let headOnly: Labels = ["__name__": "head_only"]

    @Test func deletesWholeChunksBeforeTheBoundaryAndEmptySeries() async throws {
        let fixture = StoreFixture(configuration: SampleStoreConfiguration(samplesPerChunk: 10))
        let boundary: Int64 = 100 * 15_000
        let longSamples = StoreFixture.samples(from: 0, count: 200)
        do {
            let store = try await fixture.open()
            try await store.append(old, StoreFixture.samples(from: 0, count: 30))
            try await store.append(headOnly, StoreFixture.samples(from: 0, count: 5))
            try await store.append(long, longSamples)

            let report = try await store.deleteBefore(boundary)
            #expect(report.seriesDeleted == 2)
            // `old`: chunks [0...9], [10...19] and a head of 10; `long`: chunks [0...9] to [90...99] go.
            #expect(report.chunksDeleted == 2 + 10)
            #expect(report.headSamplesDropped == 10 + 5)
            #expect(try await store.seriesLabels(matchers: [], start: .min, end: .max) == [long])
            #expect(try await store.samples(of: long) == Array(longSamples[100...]))
            #expect(try await store.labelValues(name: "__name__") == ["long"])

            let late = try await store.append(long, [ChunkSample(t: boundary - 1, v: 0)])
            #expect(!late.committed && late.rejected(.outOfBounds) == 1)
            #expect(late.firstRejection?.description.hasPrefix("out of bounds: series {__name__=\"long\"}") == true)
            let again = try await store.deleteBefore(boundary)
            #expect(again == RetentionReport())
            // The boundary never moves back.
            try await store.deleteBefore(0)
            #expect(await store.statistics().minValidTime == boundary)
        }
        let store = try await fixture.open()
        #expect(try await store.seriesLabels(matchers: [], start: .min, end: .max) == [long])
        #expect(try await store.samples(of: long) == Array(longSamples[100...]))
        #expect(try await store.append(old, [ChunkSample(t: 0, v: 0)]).rejected(.outOfBounds) == 1)
        // A deleted series comes back as a new one.
        #expect(try await store.append(old, [ChunkSample(t: boundary, v: 1)]).newSeries == 1)
    }

    @Test func partlyOldChunksStay() async throws {
        let store = try await StoreFixture(configuration: SampleStoreConfiguration(samplesPerChunk: 10)).open()
        let samples = StoreFixture.samples(from: 0, count: 25)
        try await store.append(long, samples)
        // Chunks [0...9], [10...19]; head [20...24]. A boundary inside the second chunk keeps it.
        let report = try await store.deleteBefore(samples[15].t)
        #expect(report.chunksDeleted == 1 && report.seriesDeleted == 0)
        #expect(try await store.samples(of: long) == Array(samples[10...]))
        #expect(try await store.seriesLabels(matchers: [], start: 0, end: samples[9].t).isEmpty)
    }
}
