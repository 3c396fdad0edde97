import Testing
import Storage

@Suite struct SampleStoreAppendTests {
    private let up: Labels = ["__name__": "up", "job": "api", "instance": "a:9100"]

    @Test func roundTripAcrossHeadAndChunks() async throws {
        let store = try await StoreFixture().open()
        let samples = StoreFixture.samples(from: 1_000_000, count: 300) { Double($0 * 3) }
        for start in stride(from: 0, to: 300, by: 20) {
            let report = try await store.append(up, Array(samples[start..<start + 20]))
            #expect(report.committed && report.accepted == 20 && report.stored == 20 && report.rejected == 0)
            #expect(report.newSeries == (start == 0 ? 1 : 0))
        }
        // Two chunks of 120 were cut; 60 samples remain in the head.
        #expect(await store.statistics().headSamples == 60)
        #expect(try await store.samples(of: up) == samples)
        let window = try await store.samples(of: up, start: samples[50].t, end: samples[250].t)
        #expect(window == Array(samples[50...250]))
        let between = try await store.samples(of: up, start: samples[50].t + 1, end: samples[51].t - 1)
        #expect(between.isEmpty)
    }

    @Test func samplesInAnyOrderAreSorted() async throws {
        let store = try await StoreFixture().open()
        let samples = StoreFixture.samples(from: 0, count: 50)
        var generator = SplitMix64(seed: 7)
        let report = try await store.append(up, samples.shuffled(using: &generator))
        #expect(report.accepted == 50)
        #expect(try await store.samples(of: up) == samples)
    }

    @Test func valuesKeepTheirBits() async throws {
        let store = try await StoreFixture().open()
        let odd = [0.0, -0.0, .nan, ChunkSample.staleMarker, .infinity, -.infinity, Double(bitPattern: 0x7ff8_dead_beef_0001), Double(bitPattern: 1)]
        let samples = odd.enumerated().map { ChunkSample(t: Int64($0.offset), v: $0.element) }
        try await store.append(up, samples)
        #expect(try await store.samples(of: up) == samples)
        try await store.persistHeads()
        #expect(try await store.samples(of: up) == samples)
    }

    @Test func aRetryWithTheSameBitsIsANoOp() async throws {
        let store = try await StoreFixture().open()
        let batch = [ChunkSample(t: 1_000, v: 5), ChunkSample(t: 2_000, v: ChunkSample.staleMarker)]
        #expect(try await store.append(up, batch).accepted == 2)
        for _ in 0..<2 {
            let retry = try await store.append(up, batch)
            #expect(retry.committed && retry.accepted == 0 && retry.duplicates == 2 && retry.rejected == 0)
        }
        #expect(try await store.samples(of: up) == batch)
    }

    @Test func aDifferentValueAtTheNewestTimestampIsADuplicateSampleForTimestamp() async throws {
        let store = try await StoreFixture().open()
        try await store.append(up, [ChunkSample(t: 1_000, v: 5), ChunkSample(t: 2_000, v: 6)])
        let report = try await store.append(up, [ChunkSample(t: 2_000, v: 7)])
        #expect(!report.committed && report.rejected(.duplicateTimestamp) == 1)
        let rejection = try #require(report.firstRejection)
        #expect(rejection.reason == .duplicateTimestamp && rejection.labels == up && rejection.sample == ChunkSample(t: 2_000, v: 7))
        #expect(rejection.description == #"duplicate sample for timestamp: series {__name__="up", instance="a:9100", job="api"}, timestamp 2000"#)
        // A stale marker where a value is stored is a different value too.
        #expect(try await store.append(up, [ChunkSample(t: 2_000, v: ChunkSample.staleMarker)]).rejected(.duplicateTimestamp) == 1)
        // An older timestamp with another value is out of order, as Prometheus says.
        #expect(try await store.append(up, [ChunkSample(t: 1_000, v: 9)]).rejected(.outOfOrder) == 1)
        #expect(try await store.samples(of: up) == [ChunkSample(t: 1_000, v: 5), ChunkSample(t: 2_000, v: 6)])
    }

    @Test func withinOneBatchTheFirstOfEqualTimestampsWins() async throws {
        let store = try await StoreFixture().open()
        let same = try await store.append(
            up, [ChunkSample(t: 1, v: 1), ChunkSample(t: 1, v: 1), ChunkSample(t: 2, v: 2)], policy: .acceptValid)
        #expect(same.accepted == 2 && same.duplicates == 1)
        let conflicting = try await store.append(
            up, [ChunkSample(t: 3, v: 1), ChunkSample(t: 3, v: 2)], policy: .acceptValid)
        #expect(conflicting.accepted == 1 && conflicting.rejected(.duplicateTimestamp) == 1)
        #expect(try await store.samples(of: up).last == ChunkSample(t: 3, v: 1))
    }

    @Test func outOfOrderIsCountedAndTheAtomicBatchCommitsNothing() async throws {
        let store = try await StoreFixture().open()
        try await store.append(up, StoreFixture.samples(from: 100_000, count: 10))
        let late = [ChunkSample(t: 1, v: 1), ChunkSample(t: 2, v: 2), ChunkSample(t: 100_001, v: 3)]
        let fresh = StoreFixture.samples(from: 1_000_000, count: 2)
        let report = try await store.append(up, late + fresh)
        #expect(!report.committed && report.stored == 0)
        #expect(report.rejected(.outOfOrder) == 3 && report.accepted == 2 && report.rejected == 3)
        #expect(report.rejections.map(\.sample.t) == [1, 2, 100_001])
        #expect(try await store.samples(of: up).count == 10)

        let partial = try await store.append(up, late + fresh, policy: .acceptValid)
        #expect(partial.committed && partial.stored == 2 && partial.rejected(.outOfOrder) == 3)
        #expect(try await store.samples(of: up).count == 12)
    }

    @Test func anAtomicBatchWithARejectionCreatesNoSeries() async throws {
        let store = try await StoreFixture().open()
        try await store.append(up, [ChunkSample(t: 10, v: 1)])
        let other: Labels = ["__name__": "other"]
        let batch = AppendBatch(series: [
            AppendBatch.Series(labels: other, samples: [ChunkSample(t: 5, v: 1)]),
            AppendBatch.Series(labels: up, samples: [ChunkSample(t: 10, v: 2)]),
        ])
        let report = try await store.append(batch)
        #expect(!report.committed && report.newSeries == 0 && report.accepted == 1)
        #expect(try await store.seriesLabels(matchers: [], start: .min, end: .max) == [up])
    }

    @Test func aRetryOfSamplesAlreadyCutIntoChunksIsANoOp() async throws {
        let store = try await StoreFixture(configuration: SampleStoreConfiguration(samplesPerChunk: 120)).open()
        let samples = StoreFixture.samples(from: 0, count: 130) { Double($0) * 1.5 }
        try await store.append(up, samples)
        #expect(await store.statistics().headSamples == 10)
        let retry = try await store.append(up, samples)
        #expect(retry.committed && retry.duplicates == 130 && retry.accepted == 0)
        var altered = samples
        altered[5].v = -1
        let conflict = try await store.append(up, altered)
        #expect(!conflict.committed && conflict.rejected(.outOfOrder) == 1 && conflict.duplicates == 129)
        #expect(conflict.firstRejection?.sample == altered[5])
    }

    @Test func theNewestSampleInAChunkIsCheckedAfterAReopen() async throws {
        let fixture = StoreFixture()
        let samples = StoreFixture.samples(from: 0, count: 10)
        do {
            let store = try await fixture.open()
            try await store.append(up, samples)
            try await store.persistHeads()
        }
        let store = try await fixture.open()
        let last = samples[9]
        #expect(try await store.append(up, [last]).duplicates == 1)
        #expect(try await store.append(up, [ChunkSample(t: last.t, v: 99)]).rejected(.duplicateTimestamp) == 1)
        #expect(try await store.append(up, [ChunkSample(t: last.t + 1, v: 99)]).accepted == 1)
    }

    @Test func repeatedLabelSetsInABatchAreMerged() async throws {
        let store = try await StoreFixture().open()
        var batch = AppendBatch()
        batch.append(up, [ChunkSample(t: 3, v: 3)])
        batch.append(["__name__": "new"], [ChunkSample(t: 1, v: 1)])
        batch.append(up, [ChunkSample(t: 1, v: 1), ChunkSample(t: 2, v: 2)])
        batch.append(["__name__": "new"], [ChunkSample(t: 2, v: 2)])
        let report = try await store.append(batch)
        #expect(report.accepted == 5 && report.newSeries == 2)
        #expect(try await store.samples(of: up).map(\.t) == [1, 2, 3])
        #expect(try await store.samples(of: ["__name__": "new"]).map(\.t) == [1, 2])
    }

    @Test func aStoredSeriesSentTwiceInABatchIsMergedInEveryBatch() async throws {
        let store = try await StoreFixture().open()
        let other: Labels = ["__name__": "other"]
        let first = try await store.append(AppendBatch(series: [
            .init(labels: up, samples: [ChunkSample(t: 0, v: 0)]), .init(labels: other, samples: [ChunkSample(t: 0, v: 0)]),
        ]))
        let ref = try #require(first.seriesRefs[0])
        for round in 1...3 {
            let t = Int64(round) * 10
            var batch = AppendBatch()
            batch.append(Labels(), [ChunkSample(t: t + 2, v: 2)], ref: ref)
            batch.append(other, [ChunkSample(t: t, v: 1)])
            batch.append(up, [ChunkSample(t: t, v: 0), ChunkSample(t: t + 1, v: 1)])
            let report = try await store.append(batch)
            #expect(report.accepted == 4 && report.committed, "round \(round)")
            #expect(report.seriesRefs[0] == ref && report.seriesRefs[2] == ref)
        }
        #expect(try await store.samples(of: up).map(\.t) == [0, 10, 11, 12, 20, 21, 22, 30, 31, 32])
        #expect(try await store.samples(of: other).map(\.t) == [0, 10, 20, 30])
    }

    @Test func anEmptyLabelSetIsRejected() async throws {
        let store = try await StoreFixture().open()
        let report = try await store.append(Labels(), [ChunkSample(t: 1, v: 1)])
        #expect(!report.committed && report.rejected(.emptyLabels) == 1)
        #expect(report.firstRejection?.description == "empty labelset: series {}, timestamp 1")
    }

    @Test func chunksRespectTheMaximumSpan() async throws {
        let store = try await StoreFixture(configuration: SampleStoreConfiguration(maxChunkSpan: 60_000)).open()
        let samples = StoreFixture.samples(from: 0, count: 20)
        try await store.append(up, samples)
        // 15 s spacing, 60 s span: chunks of 5 samples (0...60 s), the last 5 in the head.
        #expect(await store.statistics().headSamples == 5)
        #expect(try await store.samples(of: up) == samples)
        // A window shorter than `rollupMinimumWindow`: one piece per chunk, not a rolled-up run.
        let summarised = try await store.selectSummarised(matchers: [.metricName("up")], start: 0, end: 3_600_000)
        let chunkSpans = summarised.first?.pieces.compactMap { piece -> Int64? in
            if case .chunk(_, let minT, let maxT) = piece { return maxT - minT }
            return nil
        }
        #expect(chunkSpans == [60_000, 60_000, 60_000])
    }

    @Test func idleHeadsAreCutAtMaintenance() async throws {
        let configuration = SampleStoreConfiguration(idleHeadCutAfter: 60_000, maintenanceInterval: 1)
        let store = try await StoreFixture(configuration: configuration).open()
        let idle: Labels = ["__name__": "idle"]
        try await store.append(idle, StoreFixture.samples(from: 0, count: 3))
        try await store.append(up, StoreFixture.samples(from: 600_000, count: 3))
        // `idle` ended 570 s before the newest sample: its head became a chunk.
        #expect(await store.statistics().headSamples == 3)
        #expect(try await store.samples(of: idle) == StoreFixture.samples(from: 0, count: 3))
    }

    @Test func aSeriesReceivingOldSamplesIsNotCutAsIdleUntilItStops() async throws {
        let configuration = SampleStoreConfiguration(idleHeadCutAfter: 60_000, maintenanceInterval: 1)
        let store = try await StoreFixture(configuration: configuration).open()
        let behind: Labels = ["__name__": "behind"]
        try await store.append(up, StoreFixture.samples(from: 600_000, count: 3))
        // A backfill: far behind the newest sample, but appended to between maintenances.
        try await store.append(behind, StoreFixture.samples(from: 0, count: 3))
        #expect(await store.statistics().headSamples == 6)
        try await store.append(behind, StoreFixture.samples(from: 45_000, count: 3))
        #expect(await store.statistics().headSamples == 9)
        // Not appended to since the last maintenance: now it is idle, and its head is cut.
        try await store.append(up, StoreFixture.samples(from: 645_000, count: 2))
        #expect(await store.statistics().headSamples == 5)
        let expected = StoreFixture.samples(from: 0, count: 3) + StoreFixture.samples(from: 45_000, count: 3)
        #expect(try await store.samples(of: behind) == expected)
    }
}
