import ArgumentParser
import Foundation
import RemoteWriteWorkload
import Rules

/// `ingest-load slo-files`: writes the SLO comparison's inputs that are files: the Sloth spec
/// (for Burnrate), the rules Sloth generates from it (for Prometheus and vmalert, made by
/// Burnrate's `SLORuleGenerator`), and the OpenMetrics backfill for `promtool tsdb
/// create-blocks-from openmetrics`: the counters, then Sloth's recorded 5-minute ratio at every
/// rule interval.
struct SLOFilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slo-files", abstract: "Write sloth.yml, sloth-rules.yml and (with --openmetrics) backfill-N.om.")

    @OptionGroup var options: SLOOptions

    @Option(help: "Output folder.")
    var out: String

    @Flag(help: "Also write backfill-N.om (counters and the recorded 5-minute ratios), one file per block.")
    var openmetrics = false

    @Option(help: "Days per OpenMetrics file, aligned on multiples of this many days since the epoch (promtool's block length).")
    var blockDays = 3

    struct Report: Codable {
        var slos: Int
        var series: Int
        var rawSamples: Int
        var recordedSamples: Int
        var firstMs: Int64
        var endMs: Int64
        var openMetricsBytes: Int
        var openMetricsFiles: Int
        var blockDays: Int
        var seconds: Double
    }

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let workload = options.workload()
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try workload.slothSpec().write(to: folder.appendingPathComponent("sloth.yml"), atomically: true, encoding: .utf8)
        let groups = try workload.slothRuleGroups()
        try RuleFileWriter.yaml(groups).write(to: folder.appendingPathComponent("sloth-rules.yml"), atomically: true, encoding: .utf8)
        var recorded = 0
        var bytes = 0
        var files = 0
        if openmetrics {
            // One file per aligned block of `blockDays` (one promtool run each, so promtool, which
            // holds a whole block in memory, never holds more than one block).
            let blockMs = Int64(blockDays) * 86_400_000
            let firstBlock = workload.timestamp(0) / blockMs
            let lastBlock = workload.endMs / blockMs
            var writers: [OpenMetricsWriter] = []
            for block in firstBlock...lastBlock {
                let path = folder.appendingPathComponent("backfill-\(block - firstBlock).om").path
                FileManager.default.createFile(atPath: path, contents: nil)
                guard let handle = FileHandle(forWritingAtPath: path) else { throw ValidationError("cannot write \(path)") }
                writers.append(OpenMetricsWriter(handle: handle))
            }
            files = writers.count
            func writer(_ scrape: Int) -> Int { Int(workload.timestamp(scrape) / blockMs - firstBlock) }
            let recordedLabels = try workload.recordedLabels(groups)
            // OpenMetrics wants each metric family in one piece: every counter first, then every ratio.
            for slo in 0..<workload.slos {
                var traffic = SLOTraffic(workload: workload, slo: slo)
                var columns = Array(repeating: [Double](), count: workload.seriesPerSLO)
                for code in columns.indices { columns[code].reserveCapacity(workload.scrapes) }
                for _ in 0..<workload.scrapes {
                    traffic.advance()
                    for code in columns.indices { columns[code].append(traffic.values[code]) }
                }
                for code in columns.indices {
                    let prefix = OpenMetricsWriter.seriesPrefix(workload.labels(slo: slo, code: code))
                    for scrape in 0..<workload.scrapes {
                        try writers[writer(scrape)].line(prefix, integer: columns[code][scrape], seconds: workload.timestamp(scrape) / 1000)
                    }
                }
            }
            for slo in 0..<workload.slos {
                var traffic = SLOTraffic(workload: workload, slo: slo)
                let prefix = OpenMetricsWriter.seriesPrefix(recordedLabels[slo])
                for scrape in 0..<workload.scrapes {
                    traffic.advance()
                    guard workload.isRuleTick(scrape), let ratio = traffic.shortWindowRatio() else { continue }
                    try writers[writer(scrape)].line(prefix, value: ratio, seconds: workload.timestamp(scrape) / 1000)
                    recorded += 1
                }
            }
            for index in writers.indices {
                try writers[index].finish()
                bytes += writers[index].written
                try writers[index].handle.close()
            }
        }
        try printJSON(Report(
            slos: workload.slos, series: workload.seriesCount, rawSamples: workload.seriesCount * workload.scrapes,
            recordedSamples: recorded, firstMs: workload.timestamp(0), endMs: workload.endMs,
            openMetricsBytes: bytes, openMetricsFiles: files, blockDays: blockDays, seconds: (clock.now - started).seconds))
    }
}
