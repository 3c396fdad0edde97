import Storage
import Testing

/// Windows read evaluation after evaluation, each ending a little later, find the folds of their
/// stretches kept from earlier reads (`StretchFoldCache`): the results are, bit for bit, each
/// window's samples folded alone, while windows' starts cross chunks and blocks, new chunks are
/// cut under windows ending in the head, another set of windows ends at the same time, windows
/// end inside sealed chunks, and retention deletes chunks under the widest window.
@Suite struct SampleStoreStretchFoldTests {
    static let minute: Int64 = 60_000
    static let hour: Int64 = 60 * minute
    /// 30 samples a chunk: 7.5 minutes of 15-second samples, so windows cross chunks often.
    static let samplesPerChunk = 30

    static func described(_ series: [SeriesWindows]) -> [String] {
        SampleStoreWindowsTests.described(series)
    }

    @Test(arguments: [Int64(0), Int64(8 * 3_600_000)])
    func slidingWindowsGiveTheBitsOfFoldingEachWindowAlone(recentSpan: Int64) async throws {
        let configuration = SampleStoreConfiguration(samplesPerChunk: Self.samplesPerChunk, recentChunkSpan: recentSpan)
        let store = try await StoreFixture(configuration: configuration).open()
        // Resets, NaN, infinities, stale markers, repeated values and a two-hour gap.
        let a = SampleStoreWindowsTests.samples(seed: 11)
        let b = Array(SampleStoreWindowsTests.samples(seed: 12).drop { $0.t < 20 * Self.hour })
        let series: [(Labels, [ChunkSample])] = [(["__name__": "x", "job": "a"], a), (["__name__": "x", "job": "b"], b)]
        let ranges: [Int64] = [5 * Self.minute, 30 * Self.minute, Self.hour, 2 * Self.hour, 6 * Self.hour, 13 * Self.hour, 26 * Self.hour]
        // An SLO's windows, and another rule's set ending at the same times (stretches of the
        // same series with the same ends but other starts).
        let others: [Int64] = [Self.hour, 20 * Self.hour]
        let first = a.last!.t - 4 * Self.hour
        var appended = [0, 0]
        func appendThrough(_ t: Int64) async throws {
            for (position, (labels, samples)) in series.enumerated() {
                let upTo = samples.firstIndex { $0.t > t } ?? samples.count
                if upTo > appended[position] {
                    try await store.append(labels, Array(samples[appended[position]..<upTo]))
                    appended[position] = upTo
                }
            }
        }
        var compared = 0
        func check(end: Int64, ranges: [Int64]) async throws {
            let appendedSeries = zip(series, appended).map { ($0.0.0, Array($0.0.1.prefix($0.1))) }
            let windows = try await store.accumulate(matchers: [.metricName("x")], end: end, ranges: ranges)
            let want = SampleStoreWindowsTests.expected(appendedSeries, end: end, ranges: ranges)
            #expect(Self.described(windows) == want, "end \(end), ranges \(ranges)")
            compared += want.count * ranges.count
        }
        // Every 45 seconds for four hours, each window ending at the evaluation's time, in the
        // head, as rule evaluation reads them: first before the last two minutes' samples came,
        // then again after (late samples, some cut into a chunk under the same windows).
        for end in stride(from: first, through: first + 4 * Self.hour, by: 45_000) {
            try await appendThrough(end - 2 * Self.minute)
            try await check(end: end, ranges: ranges)
            try await appendThrough(end)
            try await check(end: end, ranges: ranges)
            try await check(end: end, ranges: others)
            // The windows of an evaluation running 50 minutes behind, inside sealed chunks.
            try await check(end: end - 50 * Self.minute, ranges: [10 * Self.minute, 2 * Self.hour, 13 * Self.hour])
        }
        #expect(compared > 2_500)
        let statistics = await store.statistics()
        // Most stretches were found kept (a window's start stays in a chunk for 10 evaluations);
        // the innermost window of each set ends in the head and is read every time.
        #expect(statistics.stretchFoldsReused > statistics.stretchFoldsRead, "\(statistics)")

        // Retention deletes the chunks under the widest windows' starts.
        let end = first + 4 * Self.hour
        _ = try await store.deleteBefore(end - 20 * Self.hour)
        let remaining = series.map { labels, samples in (labels, samples.filter { $0.t <= end }) }
        let after = try await store.accumulate(matchers: [.metricName("x")], end: end, ranges: ranges + [30 * Self.hour])
        // What is left of each series: its chunks ending at or after the boundary (the first
        // one may start before it) and its head.
        let kept = try await store.select(matchers: [.metricName("x")], start: .min, end: end)
        let survivors = remaining.map { labels, _ in (labels, kept.first { $0.labels == labels }?.samples ?? []) }
        #expect(survivors.allSatisfy { !$0.1.isEmpty && $0.1.first!.t >= end - 21 * Self.hour })
        #expect(Self.described(after) == SampleStoreWindowsTests.expected(survivors, end: end, ranges: ranges + [30 * Self.hour]))
    }

    @Test func startsOnAndAroundChunkBoundaries() async throws {
        let store = try await StoreFixture(configuration: SampleStoreConfiguration(samplesPerChunk: Self.samplesPerChunk)).open()
        // A counter 15 s apart with a reset every 1,000 samples, in chunks of 30 samples: chunk k
        // starts at sample 30k.
        let samples = StoreFixture.samples(from: 0, count: 3_000) { Double($0 % 1_000) }
        for start in stride(from: 0, to: samples.count, by: 100) {
            try await store.append(["__name__": "x"], Array(samples[start..<start + 100]))
        }
        // A window of 3 h starting on, just before and just after a chunk's first sample, and
        // one of 62 minutes starting inside a chunk (the same stretch end for all of them).
        let ranges: [Int64] = [3 * Self.hour, 62 * Self.minute]
        var compared = 0
        for chunk in [10, 11, 40, 70] {
            let boundary = Int64(chunk * Self.samplesPerChunk) * 15_000
            for offset: Int64 in [-20_000, -15_000, -5_000, 0, 5_000, 15_000, 20_000] {
                let end = boundary + offset + 3 * Self.hour
                let windows = try await store.accumulate(matchers: [.metricName("x")], end: end, ranges: ranges)
                let want = SampleStoreWindowsTests.expected([(["__name__": "x"], samples)], end: end, ranges: ranges)
                #expect(Self.described(windows) == want, "chunk \(chunk), offset \(offset)")
                compared += want.count
            }
        }
        #expect(compared == 28)
        #expect(await store.statistics().stretchFoldsReused > 0)
    }

    @Test func aStretchReachingIntoTheHeadIsReadAgainOnceAChunkIsCutThere() async throws {
        let store = try await StoreFixture(configuration: SampleStoreConfiguration(samplesPerChunk: Self.samplesPerChunk)).open()
        let samples = StoreFixture.samples(from: 0, count: 640) { Double($0 % 97) }
        // Chunks of samples 0..<600, the head 600..<610; windows end at sample 615's time.
        try await store.append(["__name__": "x"], Array(samples[..<610]))
        let end = samples[615].t
        let ranges: [Int64] = [2 * Self.minute, 20 * Self.minute, Self.hour]
        func check(_ appended: Int) async throws {
            let windows = try await store.accumulate(matchers: [.metricName("x")], end: end, ranges: ranges)
            let want = SampleStoreWindowsTests.expected([(["__name__": "x"], Array(samples[..<appended]))], end: end, ranges: ranges)
            #expect(Self.described(windows) == want, "\(appended) samples appended")
        }
        try await check(610)
        // Late samples up to 630 cut samples 600..<630 into a chunk under the same windows: the
        // 20-minute window's stretch (to the end, past the chunks the first read had) is read again.
        try await store.append(["__name__": "x"], Array(samples[610..<631]))
        try await check(631)
    }

    @Test func noFoldIsKeptWithoutABudget() async throws {
        let configuration = SampleStoreConfiguration(samplesPerChunk: Self.samplesPerChunk, stretchFoldCacheBytes: 0)
        let store = try await StoreFixture(configuration: configuration).open()
        let samples = StoreFixture.samples(from: 0, count: 2_000)
        try await store.append(["__name__": "x"], samples)
        for end in stride(from: Int64(1_900 * 15_000), through: 1_990 * 15_000, by: 60_000) {
            let windows = try await store.accumulate(matchers: [.metricName("x")], end: end, ranges: [Self.hour, 6 * Self.hour])
            let want = SampleStoreWindowsTests.expected([(["__name__": "x"], samples)], end: end, ranges: [Self.hour, 6 * Self.hour])
            #expect(Self.described(windows) == want)
        }
        #expect(await store.statistics().stretchFoldsReused == 0)
    }
}
