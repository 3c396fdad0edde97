import Testing
import Storage

/// `SampleStore.accumulate(matchers:end:ranges:)` (one read for several windows ending at the
/// same time, each stretch between window starts folded once) against folding each window's
/// samples on their own: the same bits, with chunks in memory and in the database, rollups for
/// long stretches, heads, series starting late or living only in the head, windows starting on a
/// chunk's first sample, just before or after it, or beyond the data. The protocol's default
/// (one `selectSummarised` per window) is checked against the same fold.
@Suite struct SampleStoreWindowsTests {
    static let minute: Int64 = 60_000
    static let hour: Int64 = 3_600_000
    static let samplesPerChunk = 30

    /// 7,000 samples 15 s apart (29 h) with resets, NaN, infinities, stale markers, repeated
    /// values and a two-hour gap.
    static func samples(seed: UInt64) -> [ChunkSample] {
        var random = SplitMix64(seed: seed)
        var value = 0.0
        var samples: [ChunkSample] = []
        for index in 0..<7_000 {
            let t = Int64(index) * 15_000 + (index >= 3_000 ? 2 * hour : 0)
            if index >= 2_600 && index < 3_000 { continue }
            switch random.next() % 200 {
            case 0: samples.append(ChunkSample(t: t, v: ChunkSample.staleMarker)); continue
            case 1: value = .nan
            case 2: value = .infinity
            case 3, 4: value = Double(random.next() % 10)
            case 5...60: break
            default: value = (value.isFinite ? value : 0) + Double(random.next() % 40) / 8
            }
            samples.append(ChunkSample(t: t, v: value))
        }
        return samples
    }

    /// Forwards to a store, leaving `accumulate` to the protocol's default.
    struct PerWindow: SampleReader {
        let store: SampleStore
        func select(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [SeriesSamples] {
            try await store.select(matchers: matchers, start: start, end: end)
        }
        func selectSummarised(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [SummarisedSeries] {
            try await store.selectSummarised(matchers: matchers, start: start, end: end)
        }
        func seriesLabels(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [Labels] {
            try await store.seriesLabels(matchers: matchers, start: start, end: end)
        }
        func labelNames(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [String] {
            try await store.labelNames(matchers: matchers, start: start, end: end)
        }
        func labelValues(name: String, matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [String] {
            try await store.labelValues(name: name, matchers: matchers, start: start, end: end)
        }
    }

    /// What each series' windows must hold: its samples in each window folded one by one;
    /// series without a sample in any window left out.
    static func expected(_ series: [(Labels, [ChunkSample])], end: Int64, ranges: [Int64]) -> [String] {
        series.sorted { $0.0 < $1.0 }.compactMap { labels, samples -> String? in
            let windows = ranges.map { range in
                RangeAccumulatorJoinTests.fold(samples.lazy.filter { $0.t >= end - range && $0.t <= end })
            }
            guard windows.contains(where: { $0.count > 0 }) else { return nil }
            return "\(labels) " + windows.map(RangeAccumulatorJoinTests.fields).joined(separator: " | ")
        }
    }

    static func described(_ series: [SeriesWindows]) -> [String] {
        series.map { "\($0.labels) " + $0.windows.map(RangeAccumulatorJoinTests.fields).joined(separator: " | ") }
    }

    @Test(arguments: [Int64(0), Int64(2 * 3_600_000), Int64(8 * 3_600_000)])
    func windowsGiveTheBitsOfFoldingEachWindowAlone(recentSpan: Int64) async throws {
        let configuration = SampleStoreConfiguration(samplesPerChunk: Self.samplesPerChunk, recentChunkSpan: recentSpan)
        let store = try await StoreFixture(configuration: configuration).open()
        let a = Self.samples(seed: 1)
        let b = Array(Self.samples(seed: 2).drop { $0.t < 20 * Self.hour })
        let c = Array(a.suffix(12).map { ChunkSample(t: $0.t, v: 1) })
        let series: [(Labels, [ChunkSample])] = [
            (["__name__": "x", "job": "a"], a), (["__name__": "x", "job": "b"], b), (["__name__": "x", "job": "c"], c),
        ]
        for (labels, samples) in series {
            for start in stride(from: 0, to: samples.count, by: 100) {
                try await store.append(labels, Array(samples[start..<min(samples.count, start + 100)]))
            }
        }
        let last = a.last!.t
        // A chunk's first sample in the middle of series a.
        let boundary = a[Self.samplesPerChunk * 150].t
        var compared = 0
        for end in [last, last - 7_500, last - 40 * Self.minute, boundary + 3 * Self.hour, boundary] {
            let ranges: [Int64] = [
                0, 1, 5 * Self.minute, 30 * Self.minute, Self.hour, 2 * Self.hour, 6 * Self.hour, 13 * Self.hour, 26 * Self.hour,
                3 * 24 * Self.hour, Self.hour, end - boundary, end - boundary + 1, end - boundary - 1, end - boundary + 15_000,
            ].filter { $0 >= 0 }
            let want = Self.expected(series, end: end, ranges: ranges)
            let windows = try await store.accumulate(matchers: [.metricName("x")], end: end, ranges: ranges)
            #expect(Self.described(windows) == want, "end \(end)")
            let perWindow = try await PerWindow(store: store).accumulate(matchers: [.metricName("x")], end: end, ranges: ranges)
            #expect(Self.described(perWindow) == want, "end \(end), one read per window")
            compared += want.count * ranges.count
        }
        #expect(compared > 150)
        // A second pass reads what the first kept (rollups, chunk runs) and must agree too.
        let again = try await store.accumulate(matchers: [.metricName("x")], end: last, ranges: [26 * Self.hour, Self.hour])
        #expect(Self.described(again) == Self.expected(series, end: last, ranges: [26 * Self.hour, Self.hour]))
        // Selecting one series, and a window before every sample.
        let one = try await store.accumulate(matchers: [.metricName("x"), .equal("job", "c")], end: last, ranges: [Self.hour])
        #expect(one.map(\.labels) == [["__name__": "x", "job": "c"]])
        #expect(try await store.accumulate(matchers: [.metricName("x")], end: -1, ranges: [Self.hour]).isEmpty)
        // Windows reaching back almost to the first representable time: every sample.
        let everything = try await store.accumulate(matchers: [.metricName("x")], end: last, ranges: [.max, .max - 1, Self.hour])
        #expect(Self.described(everything) == Self.expected(series, end: last, ranges: [last, last, Self.hour]))
    }

    @Test(arguments: [Int64(0), Int64(8 * 3_600_000)])
    func selectionsReadTogetherGiveWhatEachGivesAlone(recentSpan: Int64) async throws {
        let configuration = SampleStoreConfiguration(samplesPerChunk: Self.samplesPerChunk, recentChunkSpan: recentSpan)
        let store = try await StoreFixture(configuration: configuration).open()
        let a = Self.samples(seed: 3)
        let b = Self.samples(seed: 4)
        let c = Array(Self.samples(seed: 5).drop { $0.t < 20 * Self.hour })
        let series: [(Labels, [ChunkSample])] = [
            (["__name__": "requests", "code": "200"], a), (["__name__": "requests", "code": "500"], b),
            (["__name__": "requests", "code": "503"], c),
        ]
        for (labels, samples) in series {
            for start in stride(from: 0, to: samples.count, by: 100) {
                try await store.append(labels, Array(samples[start..<min(samples.count, start + 100)]))
            }
        }
        let last = a.last!.t
        let errors: [SeriesMatcher] = [.metricName("requests"), try SeriesMatcher("code", .regexMatch, "5..")]
        let total: [SeriesMatcher] = [.metricName("requests")]
        let h = Self.hour
        // Errors and totals over the same windows (an SLO's ratios), the same selector again at
        // another end, narrower and wider windows than another selection of the same series, a
        // selection matching nothing, one without windows and windows before every sample.
        let selections = [
            WindowSelection(matchers: errors, end: last, ranges: [5 * Self.minute, h, 6 * h, 26 * h]),
            WindowSelection(matchers: total, end: last, ranges: [5 * Self.minute, h, 6 * h, 26 * h]),
            WindowSelection(matchers: errors, end: last - 40 * Self.minute, ranges: [h, 3 * 24 * h]),
            WindowSelection(matchers: total, end: last, ranges: [30 * Self.minute, .max]),
            WindowSelection(matchers: [.metricName("absent")], end: last, ranges: [h]),
            WindowSelection(matchers: total, end: last, ranges: []),
            WindowSelection(matchers: errors, end: 10 * Self.minute, ranges: [Self.minute]),
            WindowSelection(matchers: [.metricName("requests"), .equal("code", "503")], end: last, ranges: [2 * h]),
        ]
        let together = try await store.accumulate(selections)
        #expect(together.count == selections.count)
        var compared = 0
        for (selection, read) in zip(selections, together) {
            let alone = try await store.accumulate(matchers: selection.matchers, end: selection.end, ranges: selection.ranges)
            #expect(Self.described(read) == Self.described(alone), "\(selection)")
            let ranges = selection.ranges.map { min($0, selection.end) }
            let selected = series.filter { labels, _ in selection.matchers.allSatisfy { $0.matches(labels) } }
            #expect(Self.described(read) == Self.expected(selected, end: selection.end, ranges: ranges), "\(selection)")
            compared += read.count * selection.ranges.count
        }
        #expect(compared > 30)
        // The protocol's default reads each selection on its own.
        let perSelection = try await PerWindow(store: store).accumulate(selections)
        #expect(perSelection.map(Self.described) == together.map(Self.described))
    }

    @Test func manySeriesSelectedTwiceAreFoldedOnceEach() async throws {
        // More series than the folds looked through one by one (`WindowFold.Index`).
        let store = try await StoreFixture(configuration: SampleStoreConfiguration(samplesPerChunk: Self.samplesPerChunk)).open()
        for pod in 0..<40 {
            let samples = (0..<200).map { ChunkSample(t: Int64($0) * 15_000, v: Double(($0 * (pod + 1)) % 97)) }
            try await store.append(["__name__": "requests", "pod": "p\(pod)", "code": pod % 2 == 0 ? "200" : "500"], samples)
        }
        let end: Int64 = 199 * 15_000
        let selections = [
            WindowSelection(matchers: [.metricName("requests"), .equal("code", "500")], end: end, ranges: [5 * Self.minute, Self.hour]),
            WindowSelection(matchers: [.metricName("requests")], end: end, ranges: [Self.hour, 30 * Self.minute]),
            WindowSelection(matchers: [.metricName("requests")], end: end - Self.minute, ranges: [Self.hour]),
        ]
        let together = try await store.accumulate(selections)
        for (selection, read) in zip(selections, together) {
            let alone = try await store.accumulate(matchers: selection.matchers, end: selection.end, ranges: selection.ranges)
            #expect(read.count == alone.count && read.count >= 20)
            #expect(Self.described(read) == Self.described(alone))
        }
    }
}
