import PromQL
import Storage
import TestSupport
import Testing

/// The summary path (whole chunks folded from their summaries, edges decoded) against the sample
/// path (every sample read) on random series: the same bits for every summarisable function, in
/// instant and range queries, with `offset` and `@`, at chunk-boundary times.
@Suite struct SummaryDifferentialTests {
    /// The seeded generator, so a failure replays.
    typealias Random = SplitMix64

    static let functions = [
        "rate", "increase", "delta", "resets", "changes", "count_over_time", "min_over_time",
        "max_over_time", "last_over_time", "present_over_time", "sum_over_time", "avg_over_time",
    ]
    static let ranges = ["15s", "31s", "1m", "90s", "5m", "17m", "1h"]
    static let summaries = Engine(summaryMinimumRange: PromDuration(milliseconds: 0))
    static let samples = Engine(summaryMinimumRange: nil)

    /// Series of 400 samples about 10 s apart (jittered, with gaps): integer and float counters
    /// with resets, gauges with NaN and infinities, stale markers; chunks of 7 samples, rolled up
    /// in blocks of 8.
    static func reader(
        seed: UInt64, samplesPerSeries: Int = 400, chunkSize: Int = 7, rollupFanOut: Int = 16
    ) async -> (MemorySampleReader, [Int64]) {
        let (series, timestamps) = series(seed: seed, samplesPerSeries: samplesPerSeries)
        let reader = MemorySampleReader(chunkSize: chunkSize, rollupFanOut: rollupFanOut)
        for (labels, samples) in series { await reader.add(labels, samples) }
        return (reader, timestamps)
    }

    /// The series `reader(seed:)` holds, and all their timestamps, sorted.
    static func series(seed: UInt64, samplesPerSeries: Int = 400) -> ([(Labels, [ChunkSample])], [Int64]) {
        var random = Random(seed: seed)
        var series: [(Labels, [ChunkSample])] = []
        var timestamps: [Int64] = []
        for index in 0..<6 {
            var samples: [ChunkSample] = []
            var t: Int64 = Int64(random.below(5_000))
            var value = Double(random.below(100))
            for _ in 0..<samplesPerSeries {
                t += 10_000 + Int64(random.below(2_000)) - 1_000
                if random.below(40) == 0 { t += Int64(random.below(300_000)) }
                let roll = random.below(100)
                if roll < 3 {
                    samples.append(ChunkSample(t: t, v: ChunkSample.staleMarker))
                    continue
                }
                switch index % 3 {
                case 0: value = roll < 6 ? Double(random.below(10)) : value + Double(random.below(20))
                case 1: value = roll < 6 ? random.unit() : value + random.unit() * 3.7
                default:
                    value = roll < 5 ? .nan : roll < 7 ? .infinity : roll < 8 ? -.infinity : (random.unit() - 0.5) * 1e3
                    if roll >= 8 && roll < 40 { value = samples.last.map { $0.isStaleMarker ? 1 : $0.v } ?? 1 }
                }
                samples.append(ChunkSample(t: t, v: value))
            }
            timestamps += samples.map(\.t)
            series.append((["__name__": "x", "series": "\(index)", "kind": "\(index % 3)"], samples))
        }
        return (series, timestamps.sorted())
    }

    /// Evaluation times: random ones, and ones putting a window edge on, just before or just after
    /// a sample (which includes every chunk boundary).
    static func times(_ timestamps: [Int64], range: Int64, random: inout Random) -> [Int64] {
        var times: [Int64] = []
        for _ in 0..<6 {
            let t = timestamps[random.below(timestamps.count)]
            times += [t, t - 1, t + 1, t + range, t + range - 1, t + range + 1]
        }
        times.append(timestamps[timestamps.count - 1] + Int64(random.below(1_000_000)))
        return times
    }

    static func bits(_ value: Value) -> [String] {
        switch value {
        case .vector(let samples):
            samples.sorted { $0.labels < $1.labels }.map { "\($0.labels) \($0.t) \($0.v.bitPattern)" }
        case .matrix(let series):
            series.map { "\($0.labels) " + $0.points.map { "\($0.t):\($0.v.bitPattern)" }.joined(separator: ",") }
        case .scalar(let t, let v): ["\(t) \(v.bitPattern)"]
        case .string(let t, let text): ["\(t) \(text)"]
        }
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func instantQueriesGiveTheSameBits(seed: UInt64) async throws {
        let (reader, timestamps) = await Self.reader(seed: seed)
        var random = Random(seed: seed &* 31)
        var compared = 0
        for range in Self.ranges {
            let rangeMilliseconds = try PromDuration(parsing: range).milliseconds
            for t in Self.times(timestamps, range: rangeMilliseconds, random: &random) {
                for function in Self.functions {
                    let expr = try Parser.parse("\(function)(x[\(range)])")
                    let viaSummaries = try await Self.summaries.instantQuery(expr, at: t, reader: reader)
                    let viaSamples = try await Self.samples.instantQuery(expr, at: t, reader: reader)
                    #expect(Self.bits(viaSummaries) == Self.bits(viaSamples), "\(function)(x[\(range)]) at \(t)")
                    compared += Self.bits(viaSamples).count
                }
            }
        }
        #expect(compared > 1_000)
    }

    @Test(arguments: [UInt64(4), 5])
    func rangeQueriesWithOffsetAndAtGiveTheSameBits(seed: UInt64) async throws {
        let (reader, timestamps) = await Self.reader(seed: seed)
        var random = Random(seed: seed &* 17)
        let at = timestamps[timestamps.count / 2]
        for function in Self.functions {
            for range in ["31s", "5m", "17m"] {
                for modifier in ["", " offset 2m", " offset -1m", " @ \(Double(at) / 1000)"] {
                    let query = "sum by (kind) (\(function)(x[\(range)]\(modifier))) or \(function)((x[\(range)]\(modifier)))"
                    let expr = try Parser.parse(query)
                    let start = timestamps[random.below(timestamps.count / 2)] - Int64(random.below(3))
                    let step = Int64(1 + random.below(90_000))
                    let end = start + step * Int64(random.below(60))
                    let viaSummaries = try await Self.summaries.rangeQuery(expr, start: start, end: end, step: step, reader: reader)
                    let viaSamples = try await Self.samples.rangeQuery(expr, start: start, end: end, step: step, reader: reader)
                    #expect(Self.bits(viaSummaries) == Self.bits(viaSamples), "\(query) from \(start) to \(end) by \(step)")
                }
            }
        }
    }

    @Test func subqueriesAndMixedUsesOfTheSelectorGiveTheSameBits() async throws {
        let (reader, timestamps) = await Self.reader(seed: 9)
        let t = timestamps[timestamps.count / 2]
        for query in [
            "max_over_time(rate(x[5m])[20m:1m])", "rate(x[5m]) + on(series) irate(x[5m])",
            "increase(x[10m]) / ignoring(kind) group_left x", "changes(x[1h]) - resets(x[1h] offset 10m)",
        ] {
            let expr = try Parser.parse(query)
            let viaSummaries = try await Self.summaries.rangeQuery(expr, start: t - 600_000, end: t, step: 37_000, reader: reader)
            let viaSamples = try await Self.samples.rangeQuery(expr, start: t - 600_000, end: t, step: 37_000, reader: reader)
            #expect(Self.bits(viaSummaries) == Self.bits(viaSamples), "\(query)")
        }
    }

    @Test func theSummaryPathReadsSummaries() async throws {
        let (reader, timestamps) = await Self.reader(seed: 1)
        let t = timestamps[timestamps.count / 2]
        let series = try await reader.selectSummarised(matchers: [], start: t - 3_600_000, end: t)
        let chunks = series.flatMap(\.pieces).filter { if case .chunk = $0 { true } else { false } }
        #expect(chunks.count > 10)
    }
}

extension SplitMix64 {
    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A number in `[0, 1)`.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
