import ArgumentParser
import Foundation
import RemoteWriteWorkload

/// `ingest-load slo-post`: backfills the SLO comparison's history through remote-write: for each
/// batch of series (500 by default), bodies of 20 consecutive scrapes per series, oldest first,
/// so every series receives its samples in order. Reports samples/s over the time spent in
/// requests (building the bodies is not timed) and, with `--server-pid`, the server's CPU.
struct SLOPostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slo-post", abstract: "Backfill the SLO workload through remote-write; report samples/s as JSON.")

    @OptionGroup var options: SLOOptions

    @Option(help: "Remote-write URL, e.g. http://127.0.0.1:9099/api/v1/write.")
    var url: String

    @Option(help: "PID of the server process(es), to read CPU time and RSS from /proc.")
    var serverPid: [Int32] = []

    @Flag(help: "Also send Sloth's recorded slo:sli_error:ratio_rate5m series at every rule interval.")
    var recorded = false

    @Option(help: "Series per body.")
    var batchSeries = 500

    @Option(help: "Consecutive scrapes per series entry.")
    var batchScrapes = 20

    struct Report: Codable {
        var url: String
        var series: Int
        var rawSamples: Int
        var recordedSamples: Int
        var bodies: Int
        var bodyBytes: Int
        var requestSeconds: Double
        var wallSeconds: Double
        var samplesPerSecond: Double
        var serverCPUSeconds: Double?
        var serverCPUMicrosecondsPerSample: Double?
        var serverRSSBytes: Int?
    }

    func run() throws {
        guard let parsed = URL(string: url), let host = parsed.host, parsed.scheme == "http" else {
            throw ValidationError("--url must be http://HOST:PORT/PATH")
        }
        let workload = options.workload()
        var recordedLabels: [[(name: String, value: String)]] = []
        if recorded { recordedLabels = try workload.recordedLabels(workload.slothRuleGroups()) }
        let connection = HTTPConnection(host: host, port: UInt16(parsed.port ?? 80))
        let path = parsed.path.isEmpty ? "/" : parsed.path
        let headers: [(String, String)] = [
            ("Content-Encoding", "snappy"), ("Content-Type", WireVersion.v1.contentType),
            ("User-Agent", "Prometheus/2.42.0"), ("X-Prometheus-Remote-Write-Version", WireVersion.v1.headerVersion),
        ]
        let clock = ContinuousClock()
        let wallStart = clock.now
        let before = serverPid.map { ProcessStats.read(pid: $0) }
        var requestSeconds = 0.0
        var raw = 0
        var recordedCount = 0
        var bodies = 0
        var bodyBytes = 0
        var lastReport = clock.now
        var history = SLOHistoryBodies(
            workload: workload, recordedLabels: recordedLabels, batchSeries: batchSeries, batchScrapes: batchScrapes)
        while let body = history.next() {
            recordedCount += history.lastRecorded
            let sent = clock.now
            let response = try connection.post(path: path, headers: headers, body: body.bytes)
            requestSeconds += (clock.now - sent).seconds
            guard (200..<300).contains(response.status) else {
                throw ValidationError("HTTP \(response.status): " + String(decoding: response.body.prefix(500), as: UTF8.self))
            }
            raw += body.sampleCount
            bodies += 1
            bodyBytes += body.bytes.count
            if (clock.now - lastReport).seconds > 10 {
                lastReport = clock.now
                progress(String(format: "%d samples posted, %.0f samples/s in requests", raw, Double(raw) / requestSeconds))
            }
        }
        raw -= recordedCount
        let after = serverPid.map { ProcessStats.read(pid: $0) }
        var cpu: Double?
        var rss: Int?
        if !serverPid.isEmpty, before.allSatisfy({ $0 != nil }), after.allSatisfy({ $0 != nil }) {
            cpu = zip(before, after).reduce(0) { $0 + $1.1!.cpuSeconds - $1.0!.cpuSeconds }
            rss = after.reduce(0) { $0 + $1!.rssBytes }
        }
        let total = raw + recordedCount
        try printJSON(Report(
            url: url, series: workload.seriesCount + (recorded ? workload.slos : 0), rawSamples: raw,
            recordedSamples: recordedCount, bodies: bodies, bodyBytes: bodyBytes, requestSeconds: requestSeconds,
            wallSeconds: (clock.now - wallStart).seconds, samplesPerSecond: Double(total) / requestSeconds,
            serverCPUSeconds: cpu, serverCPUMicrosecondsPerSample: cpu.map { $0 * 1e6 / Double(max(total, 1)) },
            serverRSSBytes: rss))
    }
}
