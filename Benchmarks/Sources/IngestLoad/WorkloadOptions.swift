import ArgumentParser
import Foundation
import RemoteWriteWorkload

extension WireVersion: ExpressibleByArgument {}

extension WorkloadShape: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

/// The options that define the bodies; equal options (with the same `--end-ms`) give
/// byte-identical bodies, so several servers can be fed the same data in one run.
struct WorkloadOptions: ParsableArguments {
    @Option(help: "Series in the catalog (162 per scrape target).")
    var series = 10_000

    @Option(help: "Body shape, ENTRIESxSAMPLES: 10000x1 (Prometheus with max_samples_per_send 10000), 500x1 (its default), 500x20.")
    var shape = WorkloadShape.entries10k

    @Option(help: "Samples posted per timed round (over all clients).")
    var samplesPerRound = 100_000

    @Option(help: "Timed rounds; the median is reported.")
    var rounds = 5

    @Option(help: "Untimed rounds first (they create the series).")
    var warmupRounds = 1

    @Option(help: "Concurrent clients, each with its own connection and its own targets.")
    var concurrency = 1

    @Option(name: .customLong("protocol"), help: "Remote-write version: v1 (what Prometheus 2.42 sends) or v2.")
    var version = WireVersion.v1

    @Option(help: "Prefix of the namespace label; use a different one per run against one server.")
    var namespace = "serving"

    @Option(help: "Seed of the generated values.")
    var seed: UInt64 = 42

    @Option(help: "Timestamp (ms) of the newest sample; default now. Pass the same value to get the same bodies.")
    var endMs: Int64?

    /// Bodies per client per round.
    var bodiesPerRound: Int {
        max(1, (samplesPerRound + shape.samplesPerBody * concurrency - 1) / (shape.samplesPerBody * concurrency))
    }

    /// Builds the bodies of every round: `[client][body]`, warm-up rounds first.
    func build() -> (workload: Workload, bodies: [[RemoteWriteBody]], seconds: Double) {
        let clock = ContinuousClock()
        let started = clock.now
        let end = endMs.map { Date(timeIntervalSince1970: Double($0) / 1000) } ?? Date()
        let workload = Workload(
            seriesCount: series, shape: shape, bodiesPerStream: bodiesPerRound * (warmupRounds + rounds),
            streamCount: concurrency, namespace: namespace, seed: seed, end: end)
        let bodies = workload.bodies(version: version)
        return (workload, bodies, (clock.now - started).seconds)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}

/// The median of `values` (the mean of the middle two for an even count).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// Writes `value` as JSON on standard output.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    FileHandle.standardOutput.write(try encoder.encode(value))
    FileHandle.standardOutput.write(Data("\n".utf8))
}

/// Writes a progress line on standard error.
func progress(_ message: String) {
    FileHandle.standardError.write(Data(("ingest-load: " + message + "\n").utf8))
}
