import Logging
import PromQL
import Storage
import TestSupport
import Testing

/// Rolled-up summaries (`SummaryRollup`: blocks of consecutive chunks) against reading every
/// sample: the same bits for every summarisable function over long windows, with windows starting
/// and ending inside blocks and exactly on block boundaries, in `MemorySampleReader` with many
/// levels of small blocks and in `SampleStore` (rollups built on first read, extended by later
/// appends, trimmed by retention).
@Suite struct RollupDifferentialTests {
    typealias Random = SplitMix64

    static let functions = SummaryDifferentialTests.functions
    static let summaries = SummaryDifferentialTests.summaries
    static let samples = SummaryDifferentialTests.samples

    /// Compares both paths for `function(x[range])` at each time; returns the values compared.
    static func compare(
        _ reader: some SampleReader, ranges: [String], times: [Int64], functions: [String] = functions
    ) async throws -> Int {
        var compared = 0
        for range in ranges {
            for function in functions {
                let expr = try Parser.parse("\(function)(x[\(range)])")
                for t in times {
                    let viaSummaries = try await summaries.instantQuery(expr, at: t, reader: reader)
                    let viaSamples = try await samples.instantQuery(expr, at: t, reader: reader)
                    let bits = SummaryDifferentialTests.bits(viaSamples)
                    #expect(SummaryDifferentialTests.bits(viaSummaries) == bits, "\(function)(x[\(range)]) at \(t)")
                    compared += bits.count
                }
            }
        }
        return compared
    }

    /// Times putting a window's start (`t - range`) or end (`t`) on the first sample of a block of
    /// each level of series 0, just before it, or just after it.
    static func blockBoundaryTimes(
        _ samples: [ChunkSample], chunkSize: Int, fanOut: Int, range: Int64, random: inout Random
    ) -> [Int64] {
        var times: [Int64] = []
        var blockSize = chunkSize * fanOut
        while blockSize < samples.count {
            for _ in 0..<2 {
                let index = blockSize * (1 + random.below(max(1, samples.count / blockSize - 1)))
                guard index < samples.count else { continue }
                let t = samples[index].t
                let before = samples[index - 1].t
                times += [t, t - 1, before, before + 1, t + range, t + range - 1, before + range, before + range + 1]
            }
            blockSize *= fanOut
        }
        return times
    }

    @Test(arguments: [(UInt64(11), 2), (12, 3), (13, 4)])
    func manyLevelsOfSmallBlocksGiveTheSameBits(seed: UInt64, fanOut: Int) async throws {
        let chunkSize = 3
        let (series, timestamps) = SummaryDifferentialTests.series(seed: seed, samplesPerSeries: 1_500)
        let reader = MemorySampleReader(chunkSize: chunkSize, rollupFanOut: fanOut)
        for (labels, samples) in series { await reader.add(labels, samples) }
        var random = Random(seed: seed &* 7)
        var compared = 0
        for range in ["20m", "1h", "3h", "4h10m"] {
            let milliseconds = try PromDuration(parsing: range).milliseconds
            var times = SummaryDifferentialTests.times(timestamps, range: milliseconds, random: &random)
            times += Self.blockBoundaryTimes(series[0].1, chunkSize: chunkSize, fanOut: fanOut, range: milliseconds, random: &random)
            compared += try await Self.compare(reader, ranges: [range], times: times)
        }
        #expect(compared > 5_000)
        // The rollup is in use: some piece stands for many chunks.
        let t = timestamps[timestamps.count / 2]
        let pieces = try await reader.selectSummarised(matchers: [], start: t - 4 * 3_600_000, end: t).flatMap(\.pieces)
        let biggest = pieces.map { piece -> Int in
            if case .chunk(let summary, _, _) = piece { return summary.sampleCount }
            return 0
        }.max() ?? 0
        #expect(biggest >= chunkSize * fanOut * fanOut)
    }

    /// A store of 60 s samples in 10-sample chunks: windows of 12 h or more read rollups.
    static func storeSeries(seed: UInt64, from start: Int64, count: Int) -> [(Labels, [ChunkSample])] {
        var random = Random(seed: seed)
        return (0..<3).map { index in
            var value = 100.0
            let samples = (0..<count).map { step -> ChunkSample in
                let t = start + Int64(step) * 60_000 + Int64(random.below(3))
                let roll = random.below(200)
                if roll < 2 { return ChunkSample(t: t, v: ChunkSample.staleMarker) }
                if index == 2 && roll < 6 { return ChunkSample(t: t, v: .nan) }
                value = roll < 5 ? Double(random.below(10)) : value + (index == 1 ? random.unit() * 9 : Double(random.below(30)))
                return ChunkSample(t: t, v: value)
            }
            return (["__name__": "x", "pod": "p\(index)"], samples)
        }
    }

    static func append(_ store: SampleStore, _ series: [(Labels, [ChunkSample])], range: Range<Int>) async throws {
        for batchStart in stride(from: range.lowerBound, to: range.upperBound, by: 97) {
            var batch = AppendBatch()
            for (labels, samples) in series { batch.append(labels, Array(samples[batchStart..<min(batchStart + 97, range.upperBound)])) }
            let report = try await store.append(batch)
            #expect(report.committed)
        }
    }

    @Test func sampleStoreRollupsGiveTheSameBitsAcrossAppendsAndRetention() async throws {
        let logger = Logger(label: "test")
        let configuration = SampleStoreConfiguration(samplesPerChunk: 10, maxChunkSpan: 24 * 3_600_000)
        let store = try await SampleStore.open(database: try BurnrateDatabase.inMemory(), configuration: configuration, logger: logger)
        let dayOfMinutes = 1_440
        let series = Self.storeSeries(seed: 21, from: 0, count: 5 * dayOfMinutes)
        var random = Random(seed: 22)
        let ranges = ["12h", "26h", "2d7m"]
        func check(upTo count: Int, notBefore oldest: Int64 = 0) async throws -> Int {
            let last = series[0].1[count - 1].t
            var times: [Int64] = []
            for _ in 0..<6 { times.append(oldest + Int64(random.below(Int(last - oldest)))) }
            times += [last, last + 1, last + 30_000, oldest + 12 * 3_600_000, oldest + 12 * 3_600_000 - 1]
            // Window edges on chunk boundaries (every 10th sample), at each level of blocks.
            for index in [160, 161, 2_560, 2_559, 2_560 + 160] where index < count {
                times += [series[0].1[index].t, series[0].1[index].t + 26 * 3_600_000]
            }
            return try await Self.compare(store, ranges: ranges, times: times)
        }
        // Three days, read (the rollups are built), then more appended (they are extended).
        try await Self.append(store, series, range: 0..<(3 * dayOfMinutes))
        var compared = try await check(upTo: 3 * dayOfMinutes)
        try await Self.append(store, series, range: (3 * dayOfMinutes)..<(4 * dayOfMinutes + 33))
        compared += try await check(upTo: 4 * dayOfMinutes + 33)
        let longRead = try await store.selectSummarised(matchers: [.metricName("x")], start: 0, end: .max)
        let biggest = longRead.flatMap(\.pieces).map { piece -> Int in
            if case .chunk(let summary, _, _) = piece { return summary.sampleCount }
            return 0
        }.max() ?? 0
        #expect(biggest >= 160)
        let before = await store.statistics()
        #expect(before.rolledUpSeries == 3 && before.rollupBlocks > 3 * 50)
        // Retention deletes the first day and a half; windows reaching before it see what is left.
        let boundary = Int64(36 * 3_600_000 + 123_456)
        let report = try await store.deleteBefore(boundary)
        #expect(report.chunksDeleted > 100)
        #expect(await store.statistics().rollupBlocks < before.rollupBlocks)
        compared += try await check(upTo: 4 * dayOfMinutes + 33, notBefore: boundary)
        try await Self.append(store, series, range: (4 * dayOfMinutes + 33)..<(5 * dayOfMinutes))
        compared += try await check(upTo: 5 * dayOfMinutes, notBefore: boundary)
        #expect(compared > 1_000)
    }
}
