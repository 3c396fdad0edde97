import ArgumentParser
import Foundation
import RemoteWriteWorkload

/// `ingest-load slo-feed`: continues the SLO workload live after its history (the scrapes after
/// `--end-ms`), posting each scrape of every series when the wall clock reaches it, as a
/// Prometheus scraping every `--scrape-interval` would; it first catches up from the end of the
/// history to now. Runs until killed (SIGTERM or SIGINT).
struct SLOFeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slo-feed", abstract: "Post the SLO workload's live scrapes after its history, until killed.")

    @OptionGroup var options: SLOOptions

    @Option(help: "Remote-write URL.")
    var url: String

    @Option(help: "Most scrapes per series entry while catching up.")
    var batchScrapes = 20

    func run() throws {
        guard let parsed = URL(string: url), let host = parsed.host, parsed.scheme == "http" else {
            throw ValidationError("--url must be http://HOST:PORT/PATH")
        }
        let workload = options.workload()
        let connection = HTTPConnection(host: host, port: UInt16(parsed.port ?? 80))
        let path = parsed.path.isEmpty ? "/" : parsed.path
        let headers: [(String, String)] = [
            ("Content-Encoding", "snappy"), ("Content-Type", WireVersion.v1.contentType),
            ("User-Agent", "Prometheus/2.42.0"), ("X-Prometheus-Remote-Write-Version", WireVersion.v1.headerVersion),
        ]
        var traffics = (0..<workload.slos).map { SLOTraffic(workload: workload, slo: $0) }
        for index in traffics.indices { traffics[index].skip(workload.scrapes) }
        progress("feed: replayed \(workload.scrapes) scrapes of \(workload.slos) SLOs; posting live scrapes to \(url)")
        let labels = (0..<workload.slos).map { slo in workload.codes.indices.map { workload.labels(slo: slo, code: $0) } }
        let encoder = SeriesBatchEncoder()
        var next = workload.scrapes
        var failures = 0
        while true {
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            let due = workload.timestamp(next)
            if due > now {
                Thread.sleep(forTimeInterval: Double(due - now) / 1000)
                continue
            }
            var last = next
            while last + 1 < next + batchScrapes && workload.timestamp(last + 1) <= now { last += 1 }
            let perBody = max(1, 500 / workload.seriesPerSLO)
            var bodies: [RemoteWriteBody] = []
            for first in stride(from: 0, to: workload.slos, by: perBody) {
                var entries: [SeriesBatchEncoder.Entry] = []
                for slo in first..<min(workload.slos, first + perBody) {
                    var columns = labels[slo].map { SeriesBatchEncoder.Entry(labels: $0) }
                    for scrape in next...last {
                        traffics[slo].advance()
                        for code in columns.indices {
                            columns[code].timestamps.append(workload.timestamp(scrape))
                            columns[code].values.append(traffics[slo].values[code])
                        }
                    }
                    entries += columns
                }
                bodies.append(encoder.body(entries))
            }
            for body in bodies {
                do {
                    let response = try connection.post(path: path, headers: headers, body: body.bytes)
                    if !(200..<300).contains(response.status) {
                        failures += 1
                        if failures <= 5 {
                            progress("feed: HTTP \(response.status): " + String(decoding: response.body.prefix(300), as: UTF8.self))
                        }
                    }
                } catch {
                    failures += 1
                    if failures <= 5 { progress("feed: \(error)") }
                }
            }
            next = last + 1
        }
    }
}
