import ArgumentParser
import Foundation
import RemoteWriteWorkload

/// `ingest-load dump`: writes one body, compressed and not, to check it with other tools
/// (`protoc --decode=prometheus.WriteRequest -I proto proto/prometheus/remote.proto < body.pb`).
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump", abstract: "Write the first body to PREFIX.pb (protobuf) and PREFIX.snappy (as posted).")

    @OptionGroup var workload: WorkloadOptions

    @Option(help: "Path prefix of the two files.")
    var prefix = "body"

    func run() throws {
        var options = workload
        options.concurrency = 1
        options.rounds = 1
        options.warmupRounds = 0
        options.samplesPerRound = options.shape.samplesPerBody
        let (workload, bodies, _) = options.build()
        try Data(workload.message(version: options.version)).write(to: URL(fileURLWithPath: prefix + ".pb"))
        try Data(bodies[0][0].bytes).write(to: URL(fileURLWithPath: prefix + ".snappy"))
        progress("wrote \(prefix).pb (\(bodies[0][0].uncompressedSize) bytes) and \(prefix).snappy (\(bodies[0][0].bytes.count) bytes)")
    }
}
