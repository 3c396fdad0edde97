import Benchmark
import PromQL
import Storage

/// A read-only `SampleReader` over encoded 120-sample chunks and their summaries, as
/// `SampleStore` keeps them: `select` decodes every chunk overlapping the window,
/// `selectSummarised` decodes only the chunks crossing its edges.
final class ChunkedSampleReader: SampleReader {
    /// One series' chunks, ascending.
    struct StoredSeries: Sendable {
        var labels: Labels
        var minT: [Int64] = []
        var maxT: [Int64] = []
        var chunks: [EncodedChunk] = []
        var summaries: [ChunkSummary] = []
    }

    let series: [StoredSeries]

    init(series: [StoredSeries]) {
        self.series = series
    }

    /// 1,000 counters `x` (each with its own rate and two resets) of 15-second data over `days`.
    static func counters(seriesCount: Int, days: Int, end: Int64) throws -> ChunkedSampleReader {
        let samplesPerSeries = days * 86_400 / 15
        let start = end - Int64(samplesPerSeries - 1) * 15_000
        var all: [StoredSeries] = []
        var encoder = ChunkEncoder(expectedCount: 120)
        for index in 0..<seriesCount {
            var stored = StoredSeries(labels: Labels(["__name__": "x", "instance": "host-\(index)", "job": "bench"]))
            var state = UInt64(index) &* 0x9E37_79B9_7F4A_7C15 &+ 1
            var value = 0.0
            let resetEvery = samplesPerSeries / 3 + index
            for scrape in 0..<samplesPerSeries {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                value = scrape % resetEvery == resetEvery - 1 ? 0 : value + Double((state >> 33) % 20)
                try encoder.append(t: start + Int64(scrape) * 15_000, v: value)
                if encoder.count == 120 || scrape == samplesPerSeries - 1 {
                    let (chunk, summary) = encoder.cut()
                    stored.minT.append(encoder.minT!)
                    stored.maxT.append(encoder.maxT!)
                    stored.chunks.append(chunk)
                    stored.summaries.append(summary)
                    encoder.reset()
                }
            }
            all.append(stored)
        }
        return ChunkedSampleReader(series: all)
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
        for stored in series where matchers.allSatisfy({ $0.matches(stored.labels) }) {
            var pieces: [SeriesPiece] = []
            var pending: [ChunkSample] = []
            var index = Self.firstChunk(stored, endingAtOrAfter: start)
            while index < stored.chunks.count, stored.minT[index] <= end {
                if stored.minT[index] >= start && stored.maxT[index] <= end {
                    if !pending.isEmpty {
                        pieces.append(.samples(pending))
                        pending = []
                    }
                    pieces.append(.chunk(stored.summaries[index], minT: stored.minT[index], maxT: stored.maxT[index]))
                } else {
                    Self.decode(stored.chunks[index], start, end, into: &pending)
                }
                index += 1
            }
            if !pending.isEmpty { pieces.append(.samples(pending)) }
            if !pieces.isEmpty { result.append(SummarisedSeries(labels: stored.labels, pieces: pieces)) }
        }
        return result
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
}

func registerQueryBenchmarks() {
    guard let short = try? Parser.parse("increase(x[1h])"), let long = try? Parser.parse("increase(x[30d])") else { return }
    let configuration = Benchmark.Configuration(scalingFactor: .one, maxDuration: .seconds(5), maxIterations: 200)
    let cases: [(String, Expr, Engine)] = [
        ("PromQL increase x 1h over 1k series of 15s data", short, Engine()),
        ("PromQL increase x 1h over 1k series, every sample decoded", short, Engine(summaryMinimumRange: nil)),
        ("PromQL increase x 30d over 1k series of 15s data", long, Engine()),
        ("PromQL increase x 30d over 1k series, every sample decoded", long, Engine(summaryMinimumRange: nil)),
    ]
    for (name, expr, engine) in cases {
        Benchmark(name, configuration: configuration) { benchmark in
            guard let reader = QueryFixture.reader else { return }
            for _ in benchmark.scaledIterations {
                blackHole(try await engine.instantQuery(expr, at: QueryFixture.end, reader: reader))
            }
        } setup: {
            _ = QueryFixture.reader
        }
    }
}
