import Benchmark
import RemoteWriteWorkload
import Storage

/// 1,000 series of the realistic catalog (counters, histogram buckets and sums, gauges), 120
/// samples each at 15 s: one full head chunk per series, as Prometheus cuts them.
struct ChunkFixture: Sendable {
    static let seriesCount = 1_000
    static let samplesPerChunk = 120
    let timestamps: [[Int64]]
    let values: [[Double]]
    let encoders: [ChunkEncoder]
    let chunks: [EncodedChunk]

    init() throws {
        let catalog = SeriesCatalog(seriesCount: Self.seriesCount, seed: 7)
        let matrix = SampleMatrix(catalog: catalog, scrapeCount: Self.samplesPerChunk, startMilliseconds: 1_750_000_000_000)
        timestamps = (0..<Self.seriesCount).map { series in (0..<Self.samplesPerChunk).map { matrix.timestamp(series: series, scrape: $0) } }
        values = (0..<Self.seriesCount).map { series in (0..<Self.samplesPerChunk).map { matrix.value(series: series, scrape: $0) } }
        var encoders: [ChunkEncoder] = []
        for series in 0..<Self.seriesCount {
            var encoder = ChunkEncoder(expectedCount: Self.samplesPerChunk)
            for index in 0..<Self.samplesPerChunk { try encoder.append(t: timestamps[series][index], v: values[series][index]) }
            encoders.append(encoder)
        }
        self.encoders = encoders
        chunks = encoders.map { $0.finish() }
    }
}

func registerChunkBenchmarks() {
    guard let fixture = try? ChunkFixture() else { return }
    let configuration = Benchmark.Configuration(scalingFactor: .one)
    let samples = ChunkFixture.seriesCount * ChunkFixture.samplesPerChunk
    // The encoded size, as a metric of its own: bytes per 1,000 samples of realistic series.
    let encodedSize = BenchmarkMetric.custom("encoded bytes per 1000 samples", polarity: .prefersSmaller, useScalingFactor: false)
    var encodeConfiguration = configuration
    encodeConfiguration.metrics += [encodedSize]
    Benchmark("Chunk append \(samples) samples, 1k series of 120", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            for series in 0..<ChunkFixture.seriesCount {
                var encoder = ChunkEncoder(expectedCount: ChunkFixture.samplesPerChunk)
                let timestamps = fixture.timestamps[series]
                let values = fixture.values[series]
                for index in timestamps.indices { try encoder.append(t: timestamps[index], v: values[index]) }
                blackHole(encoder.count)
            }
        }
    }
    Benchmark("Chunk encode 1k chunks of 120 samples", configuration: encodeConfiguration) { benchmark in
        var bytes = 0
        for _ in benchmark.scaledIterations {
            bytes = 0
            for encoder in fixture.encoders { bytes += encoder.finish().byteCount }
        }
        benchmark.measurement(encodedSize, bytes * 1000 / samples)
    }
    Benchmark("Chunk decode 1k chunks of 120 samples", configuration: configuration) { benchmark in
        var timestamps: [Int64] = []
        var values: [Double] = []
        timestamps.reserveCapacity(ChunkFixture.samplesPerChunk)
        values.reserveCapacity(ChunkFixture.samplesPerChunk)
        for _ in benchmark.scaledIterations {
            for chunk in fixture.chunks {
                timestamps.removeAll(keepingCapacity: true)
                values.removeAll(keepingCapacity: true)
                try chunk.decode(into: &timestamps, &values)
                blackHole(values.count)
            }
        }
    }
    Benchmark("Chunk parse and verify 1k stored chunks", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            for chunk in fixture.chunks { blackHole(try EncodedChunk(bytes: chunk.bytes)) }
        }
    }
}
