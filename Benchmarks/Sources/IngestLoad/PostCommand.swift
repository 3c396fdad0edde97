import ArgumentParser
import Foundation
import RemoteWriteWorkload

/// `ingest-load post`: posts the bodies to a remote-write URL, round by round, and reports the
/// median samples/s of the timed rounds; with `--server-pid`, also the server's CPU time over
/// the timed rounds and its memory afterwards.
struct PostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post", abstract: "Post the bodies to a server and report samples/s as JSON.")

    @OptionGroup var workload: WorkloadOptions

    @Option(help: "Remote-write URL, e.g. http://127.0.0.1:9099/api/v1/write (IPv4 literal or localhost).")
    var url: String

    @Option(help: "PID of the server process, to read its CPU time and RSS from /proc.")
    var serverPid: Int32?

    @Option(help: "User-Agent header.")
    var userAgent = "Prometheus/2.42.0"

    struct Round: Codable {
        var samples: Int
        var seconds: Double
        var samplesPerSecond: Double
    }

    struct ServerUsage: Codable {
        /// CPU seconds the server used during the timed rounds.
        var cpuSeconds: Double
        /// CPU seconds during warm-up and timed rounds.
        var cpuSecondsIncludingWarmup: Double
        /// CPU microseconds per sample over the timed rounds.
        var cpuMicrosecondsPerSample: Double
        /// Cores busy on average during the timed rounds (CPU time / wall time).
        var cores: Double
        /// Resident memory after the last round.
        var rssBytes: Int
        /// Peak resident memory so far.
        var peakRSSBytes: Int
    }

    struct Report: Codable {
        var mode = "post"
        var url: String
        var shape: String
        var version: String
        var concurrency: Int
        var series: Int
        var samplesPerBody: Int
        var bodiesPerRound: Int
        var meanBodyBytes: Double
        var meanUncompressedBytes: Double
        var buildSeconds: Double
        var warmup: [Round]
        var rounds: [Round]
        var samplesPerSecond: Double
        var statuses: [String: Int]
        var allSuccessful: Bool
        var firstFailure: String?
        var server: ServerUsage?
    }

    /// What the clients saw, shared between their threads.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var statuses: [Int: Int] = [:]
        private(set) var firstFailure: String?

        private(set) var acceptedSamples = 0
        private(set) var transportFailed = false

        func record(status: Int, body: [UInt8], samples: Int) {
            lock.lock()
            defer { lock.unlock() }
            statuses[status, default: 0] += 1
            if (200..<300).contains(status) {
                acceptedSamples += samples
            } else if firstFailure == nil {
                firstFailure = "HTTP \(status): " + String(decoding: body.prefix(500), as: UTF8.self)
            }
        }

        /// A request that got no answer (connection refused or reset): the server is gone.
        func fail(_ message: String) {
            lock.lock()
            defer { lock.unlock() }
            statuses[-1, default: 0] += 1
            transportFailed = true
            if firstFailure == nil { firstFailure = message }
        }

        var stopped: Bool {
            lock.lock()
            defer { lock.unlock() }
            return transportFailed
        }
    }

    func run() throws {
        guard let parsed = URL(string: url), let host = parsed.host, parsed.scheme == "http" else {
            throw ValidationError("--url must be http://HOST:PORT/PATH")
        }
        let port = UInt16(parsed.port ?? 80)
        let path = parsed.path.isEmpty ? "/" : parsed.path

        progress("building \(workload.warmupRounds + workload.rounds) rounds of \(workload.bodiesPerRound) x \(workload.concurrency) bodies (\(workload.shape), \(workload.version.rawValue))")
        let (_, bodies, buildSeconds) = workload.build()
        let all = bodies.flatMap { $0 }
        progress(String(format: "built %d bodies in %.1f s, %.0f bytes each on average", all.count, buildSeconds,
                        Double(all.reduce(0) { $0 + $1.bytes.count }) / Double(all.count)))

        let headers: [(String, String)] = [
            ("Accept-Encoding", "gzip"),
            ("Content-Encoding", "snappy"),
            ("Content-Type", workload.version.contentType),
            ("User-Agent", userAgent),
            ("X-Prometheus-Remote-Write-Version", workload.version.headerVersion),
        ]
        let connections = (0..<workload.concurrency).map { _ in HTTPConnection(host: host, port: port) }
        let tally = Tally()
        nonisolated(unsafe) let shared = (connections, bodies)

        var acceptedBefore = 0
        func round(_ index: Int) -> Round {
            let range = index * workload.bodiesPerRound..<(index + 1) * workload.bodiesPerRound
            let clock = ContinuousClock()
            let started = clock.now
            let send: @Sendable (Int) -> Void = { client in
                for body in shared.1[client][range] where !tally.stopped {
                    do {
                        let response = try shared.0[client].post(path: path, headers: headers, body: body.bytes)
                        tally.record(status: response.status, body: response.body, samples: body.sampleCount)
                    } catch {
                        tally.fail("\(error)")
                    }
                }
            }
            if workload.concurrency == 1 {
                send(0)
            } else {
                let group = DispatchGroup()
                for client in 0..<workload.concurrency {
                    group.enter()
                    Thread {
                        send(client)
                        group.leave()
                    }.start()
                }
                group.wait()
            }
            let seconds = (clock.now - started).seconds
            // Only samples answered with 2xx count.
            let samples = tally.acceptedSamples - acceptedBefore
            acceptedBefore = tally.acceptedSamples
            return Round(samples: samples, seconds: seconds, samplesPerSecond: Double(samples) / seconds)
        }

        let beforeWarmup = serverPid.flatMap(ProcessStats.read)
        var warmup: [Round] = []
        for index in 0..<workload.warmupRounds where !tally.stopped {
            warmup.append(round(index))
            progress(String(format: "warm-up round %d: %.0f samples/s", index + 1, warmup.last!.samplesPerSecond))
        }
        let beforeTimed = serverPid.flatMap(ProcessStats.read)
        var timed: [Round] = []
        for index in 0..<workload.rounds where !tally.stopped {
            timed.append(round(workload.warmupRounds + index))
            progress(String(format: "round %d: %.0f samples/s", index + 1, timed.last!.samplesPerSecond))
        }
        let after = serverPid.flatMap(ProcessStats.read)

        var usage: ServerUsage?
        if let beforeWarmup, let beforeTimed, let after {
            let cpu = after.cpuSeconds - beforeTimed.cpuSeconds
            let samples = timed.reduce(0) { $0 + $1.samples }
            let wall = timed.reduce(0) { $0 + $1.seconds }
            usage = ServerUsage(
                cpuSeconds: cpu, cpuSecondsIncludingWarmup: after.cpuSeconds - beforeWarmup.cpuSeconds,
                cpuMicrosecondsPerSample: cpu * 1e6 / Double(max(samples, 1)), cores: cpu / max(wall, 1e-9),
                rssBytes: after.rssBytes, peakRSSBytes: after.peakRSSBytes)
        }
        let allSuccessful = tally.statuses.keys.allSatisfy { (200..<300).contains($0) }
        let report = Report(
            url: url, shape: workload.shape.description, version: workload.version.rawValue,
            concurrency: workload.concurrency, series: workload.series, samplesPerBody: workload.shape.samplesPerBody,
            bodiesPerRound: workload.bodiesPerRound,
            meanBodyBytes: Double(all.reduce(0) { $0 + $1.bytes.count }) / Double(all.count),
            meanUncompressedBytes: Double(all.reduce(0) { $0 + $1.uncompressedSize }) / Double(all.count),
            buildSeconds: buildSeconds, warmup: warmup, rounds: timed,
            samplesPerSecond: median(timed.map(\.samplesPerSecond)),
            statuses: Dictionary(uniqueKeysWithValues: tally.statuses.map { ("\($0.key)", $0.value) }),
            allSuccessful: allSuccessful, firstFailure: tally.firstFailure, server: usage)
        try printJSON(report)
        if !allSuccessful {
            progress("not every answer was 2xx: \(tally.firstFailure ?? "")")
            throw ExitCode(3)
        }
    }
}
