import Benchmark
import RemoteWriteWorkload

/// Burnrate's micro-benchmarks: the steps of the ingest path on realistic data, measuring wall
/// clock, instructions (perf events, where the kernel allows them) and mallocs. Time alone is
/// noise on a shared machine; instructions and mallocs are not.
///
/// Run from `Benchmarks/`: `swift package benchmark` (all), or
/// `swift package benchmark --filter "RemoteWrite.*"`. Names avoid regex metacharacters, since
/// the runner selects benchmarks by regular expression.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .instructions, .mallocCountTotal, .throughput],
        warmupIterations: 2,
        maxDuration: .seconds(3),
        maxIterations: 1_000
    )
    registerDecodeBenchmarks()
    registerSeriesBenchmarks()
    registerChunkBenchmarks()
    registerSampleStoreBenchmarks()
    registerQueryBenchmarks()
    registerSLOBenchmarks()
    registerStoreQueryBenchmarks()
}
