import ArgumentParser
import Foundation
import Ingest
import Logging
import RemoteWriteWorkload
import Rules
import Storage

/// `ingest-load slo-store`: the SLO comparison's history (`slo-post`'s bodies, in its order) fed
/// to the server's ingest path in-process, without HTTP: the `Ingestor` decodes, appends to a
/// `SampleStore` over a SQLite file in WAL mode and commits, cutting chunks as the old timestamps
/// fill heads, as `POST /api/v1/write` does before answering 204. The bodies are built before
/// anything is timed, so the process' CPU over the ingest is the ingest's.
struct SLOStoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slo-store", abstract: "Ingest the SLO history in-process into a SQLite file; report samples/s as JSON.")

    @OptionGroup var options: SLOOptions

    @Option(help: "Series per body.")
    var batchSeries = 500

    @Option(help: "Consecutive scrapes per series entry.")
    var batchScrapes = 20

    @Option(help: "Parts a large body is cut into, decoded concurrently (the server uses min(4, cores)).")
    var decodeParallelism = min(4, ProcessInfo.processInfo.activeProcessorCount)

    @Option(help: "Directory for the database (a new temporary directory by default; removed after).")
    var directory: String?

    struct Report: Codable {
        var mode = "slo-store"
        var series: Int
        var samples: Int
        var bodies: Int
        var bodyBytes: Int
        var seconds: Double
        var samplesPerSecond: Double
        var cpuMicrosecondsPerSample: Double
        /// Bytes the process wrote (to SQLite's log and database file) and read, per sample.
        var writtenBytesPerSample: Double?
        var readBytesPerSample: Double?
    }

    func run() async throws {
        let workload = options.workload()
        var history = SLOHistoryBodies(workload: workload, recordedLabels: [], batchSeries: batchSeries, batchScrapes: batchScrapes)
        var bodies: [RemoteWriteBody] = []
        while let body = history.next() { bodies.append(body) }
        let samples = bodies.reduce(0) { $0 + $1.sampleCount }
        progress("built \(bodies.count) bodies of \(samples) samples")
        let folder = directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("slo-store-\(UUID().uuidString)").path
        defer { if directory == nil { try? FileManager.default.removeItem(atPath: folder) } }
        let logger = Logger(label: "ingest-load")
        let database = try BurnrateDatabase.open(path: folder + "/burnrate.sqlite", logger: logger)
        let store = try await SampleStore.open(database: database, configuration: .service, logger: logger)
        let ingestor = Ingestor(
            store: store, ruleSet: RuleSet(), keepAll: true, maxBodyBytes: 64 << 20, decodeParallelism: decodeParallelism)
        let contentType = WireVersion.v1.contentType
        let clock = ContinuousClock()
        let cpuBefore = ProcessStats.read(pid: getpid())?.cpuSeconds ?? 0
        let ioBefore = ProcessIO.read(pid: getpid())
        let started = clock.now
        for (position, body) in bodies.enumerated() {
            let result = await ingestor.ingest(body: body.bytes, contentType: contentType)
            guard result.status == 204 else {
                throw ValidationError("body \(position): status \(result.status): \(result.message)")
            }
        }
        let seconds = (clock.now - started).seconds
        let cpuSeconds = (ProcessStats.read(pid: getpid())?.cpuSeconds ?? 0) - cpuBefore
        let io = ioBefore.flatMap { before in ProcessIO.read(pid: getpid())?.since(before) }
        try printJSON(Report(
            series: workload.seriesCount, samples: samples, bodies: bodies.count, bodyBytes: bodies.reduce(0) { $0 + $1.bytes.count },
            seconds: seconds, samplesPerSecond: Double(samples) / seconds, cpuMicrosecondsPerSample: cpuSeconds * 1e6 / Double(samples),
            writtenBytesPerSample: io.map { Double($0.writtenBytes) / Double(samples) },
            readBytesPerSample: io.map { Double($0.readBytes) / Double(samples) }))
    }
}
