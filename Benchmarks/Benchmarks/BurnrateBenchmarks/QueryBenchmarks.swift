import Benchmark
import PromQL
import Storage

/// A read-only `SampleReader` over encoded 120-sample chunks and their summaries, as
/// `SampleStore` keeps them: `select` decodes every chunk overlapping the window,
/// `selectSummarised` decodes only the chunks crossing its edges, keeping them decoded as the store
/// does (`DecodedChunkCache`, the store's default budget) and, with `rollups`, gives the runs of
/// chunks inside as rolled-up block summaries (`SummaryRollup`); `accumulate` keeps its windows'
/// folded stretches as the store does (`StretchFoldCache`).
final class ChunkedSampleReader: SampleReader {
    /// One series' chunks, ascending. A class, as the store's series state is held in place:
    /// a read passes one reference around, not a copy of every array.
    final class StoredSeries: Sendable {
        let labels: Labels
        let minT: [Int64]
        let maxT: [Int64]
        let chunks: [EncodedChunk]
        let summaries: [ChunkSummary]
        let rollup: SummaryRollup

        init(labels: Labels, minT: [Int64], maxT: [Int64], chunks: [EncodedChunk], summaries: [ChunkSummary], rollup: SummaryRollup) {
            (self.labels, self.minT, self.maxT, self.chunks, self.summaries, self.rollup) = (labels, minT, maxT, chunks, summaries, rollup)
        }
    }

    let series: [StoredSeries]
    /// Whether `selectSummarised` uses the rolled-up summaries.
    let rollups: Bool
    /// The decoded edge chunks, by position in `series`.
    let decoded = DecodedChunkCache(budget: SampleStoreConfiguration().decodedChunkCacheBytes)
    /// The folded stretches of the windows read lately, by position in `series`.
    let stretches = StretchFoldCache(budget: SampleStoreConfiguration().stretchFoldCacheBytes)

    init(series: [StoredSeries], rollups: Bool = true) {
        self.series = series
        self.rollups = rollups
    }

    /// 1,000 counters `x` (each with its own rate and two resets) of 15-second data over `days`.
    static func counters(seriesCount: Int, days: Int, end: Int64) throws -> ChunkedSampleReader {
        let samplesPerSeries = days * 86_400 / 15
        let start = end - Int64(samplesPerSeries - 1) * 15_000
        var all: [StoredSeries] = []
        for index in 0..<seriesCount {
            var state = UInt64(index) &* 0x9E37_79B9_7F4A_7C15 &+ 1
            var value = 0.0
            let resetEvery = samplesPerSeries / 3 + index
            all.append(try stored(
                Labels(["__name__": "x", "instance": "host-\(index)", "job": "bench"]), start: start, step: 15_000, count: samplesPerSeries
            ) { scrape in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                value = scrape % resetEvery == resetEvery - 1 ? 0 : value + Double((state >> 33) % 20)
                return value
            })
        }
        return ChunkedSampleReader(series: all)
    }

    /// One series of `count` samples every `step` from `start`, valued by `value(scrape)`, cut
    /// into 120-sample chunks with their summaries and rollup.
    static func stored(_ labels: Labels, start: Int64, step: Int64, count: Int, value: (Int) -> Double) throws -> StoredSeries {
        var (minT, maxT, chunks, summaries, rollup) = ([Int64](), [Int64](), [EncodedChunk](), [ChunkSummary](), SummaryRollup())
        var encoder = ChunkEncoder(expectedCount: 120)
        for scrape in 0..<count {
            try encoder.append(t: start + Int64(scrape) * step, v: value(scrape))
            if encoder.count == 120 || scrape == count - 1 {
                let (chunk, summary) = encoder.cut()
                minT.append(encoder.minT!)
                maxT.append(encoder.maxT!)
                chunks.append(chunk)
                summaries.append(summary)
                rollup.append(summary, minT: encoder.minT!, maxT: encoder.maxT!)
                encoder.reset()
            }
        }
        return StoredSeries(labels: labels, minT: minT, maxT: maxT, chunks: chunks, summaries: summaries, rollup: rollup)
    }

    func select(matchers: [SeriesMatcher], start: Int64, end: Int64) throws(StorageError) -> [SeriesSamples] {
        var result: [SeriesSamples] = []
        for stored in series where matchers.allSatisfy({ $0.matches(stored.labels) }) {
            var samples: [ChunkSample] = []
            var index = Self.firstChunk(stored, endingAtOrAfter: start)
            while index < stored.chunks.count, stored.minT[index] <= end {
                Self.decode(stored.chunks[index], start, end, into: &samples)
                index += 1
            }
            if !samples.isEmpty { result.append(SeriesSamples(labels: stored.labels, samples: samples)) }
        }
        return result
    }

    func selectSummarised(matchers: [SeriesMatcher], start: Int64, end: Int64) throws(StorageError) -> [SummarisedSeries] {
        var result: [SummarisedSeries] = []
        // By index: a series is read in place, not copied out.
        for position in series.indices where matchers.allSatisfy({ $0.matches(series[position].labels) }) {
            let stored = series[position]
            var builder = SeriesPieceBuilder()
            if rollups {
                stored.rollup.cover(from: start, through: end) { from, through in
                    addChunks(stored, Int64(position), from, through, to: &builder)
                } block: { block in
                    builder.add(block)
                }
            } else {
                addChunks(stored, Int64(position), start, end, to: &builder)
            }
            let pieces = builder.finish()
            if !pieces.isEmpty { result.append(SummarisedSeries(labels: stored.labels, pieces: pieces)) }
        }
        return result
    }

    /// As `SampleStore` does: one pass over each series for all the windows
    /// (`SeriesWindows.accumulate`).
    func accumulate(matchers: [SeriesMatcher], end: Int64, ranges: [Int64]) async throws(StorageError) -> [SeriesWindows] {
        let starts = ranges.map { end - $0 }
        var result: [SeriesWindows] = []
        for position in series.indices where matchers.allSatisfy({ $0.matches(series[position].labels) }) {
            let windows = windows(of: position, starts: starts, end: end)
            if windows.contains(where: { $0.count > 0 }) { result.append(SeriesWindows(labels: series[position].labels, windows: windows)) }
        }
        return result
    }

    /// As `SampleStore` does: a series that several selections match at the same end folded once
    /// for all the windows they ask of it.
    func accumulate(_ selections: [WindowSelection]) async throws(StorageError) -> [[SeriesWindows]] {
        var folds: [(position: Int, end: Int64, starts: [Int64])] = []
        var picks: [[(fold: Int, windows: [Int])]] = []
        for selection in selections {
            var picked: [(fold: Int, windows: [Int])] = []
            for position in series.indices where selection.matchers.allSatisfy({ $0.matches(series[position].labels) }) {
                let fold = folds.firstIndex { $0.position == position && $0.end == selection.end } ?? folds.count
                if fold == folds.count { folds.append((position, selection.end, [])) }
                let windows = selection.ranges.map { range -> Int in
                    let start = selection.end - range
                    if let known = folds[fold].starts.firstIndex(of: start) { return known }
                    folds[fold].starts.append(start)
                    return folds[fold].starts.count - 1
                }
                picked.append((fold, windows))
            }
            picks.append(picked)
        }
        let folded = folds.map { windows(of: $0.position, starts: $0.starts, end: $0.end) }
        return picks.map { picked in
            picked.compactMap { pick -> SeriesWindows? in
                let mine = pick.windows.map { folded[pick.fold][$0] }
                guard mine.contains(where: { $0.count > 0 }) else { return nil }
                return SeriesWindows(labels: series[folds[pick.fold].position].labels, windows: mine)
            }
        }
    }

    /// The windows `[start, end]` of one series for each of `starts`, read as the store holds
    /// the series at `end`: the chunks cut by then (a chunk is cut at its 120th sample) sealed,
    /// the samples since in the head. The fixture's data runs past `end`, but a store evaluating
    /// at `end` has received nothing later, so the chunk `end` falls in is still its head.
    private func windows(of position: Int, starts: [Int64], end: Int64) -> [RangeAccumulator] {
        let stored = series[position]
        let sealed = Self.firstChunk(stored, endingAtOrAfter: end + 1)
        var head: [ChunkSample] = []
        if sealed < stored.chunks.count, stored.minT[sealed] <= end,
           let chunk = try? decoded.decoded(stored.chunks[sealed], series: Int64(position), minT: stored.minT[sealed]) {
            head = Array(chunk.samples[chunk.samples.positions(from: .min, through: end)])
        }
        return SeriesWindows.accumulate(starts: starts, end: end, head: head) { from, through, stretch in
            guard sealed > 0, stored.minT[0] <= through, stored.maxT[sealed - 1] >= from else { return nil }
            let (oldest, newest) = (stored.minT[0], stored.maxT[sealed - 1])
            return stretches.fold(series: Int64(position), oldest: oldest, sealedThrough: newest, from: from, through: through, into: &stretch) { stretch in
                var lastT: Int64?
                // As the store: the rollup only for stretches long enough to hold blocks.
                let (length, overflow) = through.subtractingReportingOverflow(from)
                if rollups && (overflow || length >= SampleStore.rollupMinimumWindow) {
                    stored.rollup.cover(from: from, through: through) { from, through in
                        addChunks(stored, Int64(position), from, through, to: &stretch, lastT: &lastT, sealed: sealed)
                    } summary: { minT, maxT, _, summary in
                        stretch.addBlock(summary, minT: minT, maxT: maxT)
                        lastT = maxT
                    }
                } else {
                    addChunks(stored, Int64(position), from, through, to: &stretch, lastT: &lastT, sealed: sealed)
                }
                return lastT
            }
        }
    }

    /// The chunks overlapping `[start, end]`: summaries of those inside, samples of the others.
    private func addChunks<Sink: SeriesPieceSink>(_ stored: StoredSeries, _ id: Int64, _ start: Int64, _ end: Int64, to builder: inout Sink) {
        var lastT: Int64?
        addChunks(stored, id, start, end, to: &builder, lastT: &lastT)
    }

    /// The chunks before position `sealed` only (all of them by default).
    private func addChunks<Sink: SeriesPieceSink>(
        _ stored: StoredSeries, _ id: Int64, _ start: Int64, _ end: Int64, to builder: inout Sink, lastT: inout Int64?,
        sealed: Int? = nil
    ) {
        var index = Self.firstChunk(stored, endingAtOrAfter: start)
        let limit = sealed ?? stored.chunks.count
        // Summaries are lent in place, as the store lends them: a copy is 130 bytes and retains.
        stored.summaries.withUnsafeBufferPointer { summaries in
            while index < limit, stored.minT[index] <= end {
                if stored.minT[index] >= start && stored.maxT[index] <= end {
                    builder.add(summaries[index], minT: stored.minT[index], maxT: stored.maxT[index])
                } else if let chunk = try? decoded.decoded(stored.chunks[index], series: id, minT: stored.minT[index]) {
                    builder.add(chunk, from: start, through: end)
                }
                lastT = stored.maxT[index]
                index += 1
            }
        }
    }

    func seriesLabels(matchers: [SeriesMatcher], start: Int64, end: Int64) throws(StorageError) -> [Labels] {
        series.filter { stored in matchers.allSatisfy { $0.matches(stored.labels) } }.map(\.labels)
    }

    func labelNames(matchers: [SeriesMatcher], start: Int64, end: Int64) throws(StorageError) -> [String] {
        []
    }

    func labelValues(name: String, matchers: [SeriesMatcher], start: Int64, end: Int64) throws(StorageError) -> [String] {
        []
    }

    private static func firstChunk(_ stored: StoredSeries, endingAtOrAfter t: Int64) -> Int {
        var low = 0
        var high = stored.maxT.count
        while low < high {
            let middle = (low + high) / 2
            if stored.maxT[middle] < t { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func decode(_ chunk: EncodedChunk, _ start: Int64, _ end: Int64, into samples: inout [ChunkSample]) {
        var iterator = chunk.makeIterator()
        while let sample = try? iterator.next() {
            if sample.t >= start && sample.t <= end { samples.append(sample) }
        }
    }
}

/// 1,000 counters of 30 days of 15-second data (172,800 samples each, 1,440 chunks), built
/// once, on first use (a benchmark's setup), so other benchmarks never pay for it.
enum QueryFixture {
    static let end: Int64 = 1_750_000_000_000
    static let reader: ChunkedSampleReader? = try? ChunkedSampleReader.counters(seriesCount: 1_000, days: 30, end: end)
    /// The same chunks without the rolled-up summaries: one summary per chunk.
    static let chunkLevelReader: ChunkedSampleReader? = reader.map { ChunkedSampleReader(series: $0.series, rollups: false) }
}

func registerQueryBenchmarks() {
    guard let short = try? Parser.parse("increase(x[1h])"), let long = try? Parser.parse("increase(x[30d])"),
          let inner = try? Parser.parse("increase(x[29d])") else { return }
    let configuration = Benchmark.Configuration(scalingFactor: .one, maxDuration: .seconds(5), maxIterations: 200)
    // The 30-day window at the end covers the whole series; the 29-day one, 11 h 52.5 min before
    // the end, starts and ends inside a chunk and inside a block at every level of the rollup.
    let end = QueryFixture.end
    let inside = end - 42_750_000
    let cases: [(String, Expr, Engine, Bool, Int64)] = [
        ("PromQL increase x 1h over 1k series of 15s data", short, Engine(), true, end),
        ("PromQL increase x 1h over 1k series, every sample decoded", short, Engine(summaryMinimumRange: nil), true, end),
        ("PromQL increase x 30d over 1k series of 15s data", long, Engine(), true, end),
        ("PromQL increase x 30d over 1k series, chunk summaries without rollups", long, Engine(), false, end),
        ("PromQL increase x 30d over 1k series, every sample decoded", long, Engine(summaryMinimumRange: nil), true, end),
        ("PromQL increase x 1h over 1k series, ending inside a chunk", short, Engine(), true, inside),
        ("PromQL increase x 29d over 1k series, both ends inside blocks", inner, Engine(), true, inside),
        ("PromQL increase x 29d over 1k series, both ends inside blocks, without rollups", inner, Engine(), false, inside),
    ]
    for (name, expr, engine, rollups, time) in cases {
        Benchmark(name, configuration: configuration) { benchmark in
            guard let reader = rollups ? QueryFixture.reader : QueryFixture.chunkLevelReader else { return }
            for _ in benchmark.scaledIterations {
                blackHole(try await engine.instantQuery(expr, at: time, reader: reader))
            }
        } setup: {
            _ = rollups ? QueryFixture.reader : QueryFixture.chunkLevelReader
        }
    }
}
