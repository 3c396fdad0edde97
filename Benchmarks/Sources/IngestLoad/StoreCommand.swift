import ArgumentParser
import Foundation
import Ingest
import Logging
import RemoteWriteWorkload
import Rules
import Storage

/// `ingest-load store`: the server's ingest path without HTTP, in-process on one task: the
/// `Ingestor` decodes each body, filters it, appends it to a `SampleStore` over a SQLite file in
/// WAL mode and commits, exactly as `POST /api/v1/write` does before answering 204. The
/// difference to `post` is the HTTP layer; the difference to `decode` is the storage.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Ingest the bodies in-process into a SQLite file and report samples/s as JSON.")

    @OptionGroup var workload: WorkloadOptions

    @Option(help: "Parts a large body is cut into, decoded concurrently (as the server does with its cores).")
    var decodeParallelism = 1

    @Option(help: "Directory for the database (a new temporary directory by default; removed after).")
    var directory: String?

    struct Report: Codable {
        var mode = "store"
        var shape: String
        var version: String
        var series: Int
        var samplesPerBody: Int
        var bodies: Int
        /// Median samples/s (wall clock) over the timed rounds.
        var samplesPerSecond: Double
        /// Median process CPU time per sample, in µs.
        var cpuMicrosecondsPerSample: Double
        /// Every timed round's samples/s.
        var rounds: [Double]
    }

    func run() async throws {
        var options = workload
        options.concurrency = 1
        let (_, streams, buildSeconds) = options.build()
        let bodies = streams[0]
        progress(String(format: "built %d bodies in %.1f s", bodies.count, buildSeconds))
        let folder = directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("ingest-store-\(UUID().uuidString)").path
        defer { if directory == nil { try? FileManager.default.removeItem(atPath: folder) } }
        let logger = Logger(label: "ingest-load")
        let database = try BurnrateDatabase.open(path: folder + "/burnrate.sqlite", logger: logger)
        let store = try await SampleStore.open(database: database, configuration: .service, logger: logger)
        let ingestor = Ingestor(
            store: store, ruleSet: RuleSet(), keepAll: true, maxBodyBytes: 64 << 20, decodeParallelism: decodeParallelism)
        let contentType = options.version.contentType
        let perRound = options.bodiesPerRound
        let clock = ContinuousClock()
        var rates: [Double] = []
        var cpu: [Double] = []
        for round in 0..<(options.warmupRounds + options.rounds) {
            let slice = bodies[(round * perRound)..<min(bodies.count, (round + 1) * perRound)]
            let samples = slice.reduce(0) { $0 + $1.sampleCount }
            let cpuBefore = ProcessStats.read(pid: getpid())?.cpuSeconds ?? 0
            let started = clock.now
            for body in slice {
                let result = await ingestor.ingest(body: body.bytes, contentType: contentType)
                guard result.status == 204 else {
                    throw ValidationError("round \(round): status \(result.status): \(result.message)")
                }
            }
            let seconds = (clock.now - started).seconds
            let cpuSeconds = (ProcessStats.read(pid: getpid())?.cpuSeconds ?? 0) - cpuBefore
            guard round >= options.warmupRounds else { continue }
            rates.append(Double(samples) / seconds)
            cpu.append(cpuSeconds / Double(samples) * 1e6)
            progress(String(format: "round %d: %.0f samples/s, %.2f µs CPU/sample", round + 1 - options.warmupRounds, rates.last!, cpu.last!))
        }
        try printJSON(Report(
            shape: options.shape.description, version: options.version.rawValue, series: options.series,
            samplesPerBody: options.shape.samplesPerBody, bodies: bodies.count,
            samplesPerSecond: median(rates), cpuMicrosecondsPerSample: median(cpu), rounds: rates))
    }
}
