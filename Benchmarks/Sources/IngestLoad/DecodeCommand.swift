import ArgumentParser
import Foundation
import RemoteWrite
import RemoteWriteWorkload
import Snappy

/// `ingest-load decode`: decodes the same bodies in-process with Burnrate's `RemoteWriteDecoder`
/// (snappy and protobuf, into a `WriteBatch`) on one thread: the most any server built on it
/// could ingest per core. Also reports snappy decompression alone.
struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode", abstract: "Decode the bodies in-process and report samples/s as JSON.")

    @OptionGroup var workload: WorkloadOptions

    struct Report: Codable {
        var mode = "decode"
        var shape: String
        var version: String
        var series: Int
        var samplesPerBody: Int
        var bodies: Int
        var meanBodyBytes: Double
        var meanUncompressedBytes: Double
        /// Median samples/s of snappy + protobuf decoding, one thread.
        var samplesPerSecond: Double
        /// Every timed pass of the full decode.
        var passes: [Double]
        /// Median samples/s of snappy decompression alone.
        var snappyOnlySamplesPerSecond: Double
        /// Median decompressed bytes/s of snappy alone.
        var snappyBytesPerSecond: Double
        /// Median samples/s of decoding with every series already known by its label bytes (the
        /// steady state of a sender: the server's decoder skips building their labels).
        var knownSeriesSamplesPerSecond: Double
    }

    func run() throws {
        var options = workload
        options.concurrency = 1
        let (_, streams, buildSeconds) = options.build()
        let bodies = streams[0]
        progress(String(format: "built %d bodies in %.1f s", bodies.count, buildSeconds))
        let decoder = RemoteWriteDecoder()
        let contentType = options.version.contentType
        let totalSamples = bodies.reduce(0) { $0 + $1.sampleCount }
        let totalBytes = bodies.reduce(0) { $0 + $1.uncompressedSize }
        let clock = ContinuousClock()

        var decodePasses: [Double] = []
        var snappyPasses: [Double] = []
        var knownPasses: [Double] = []
        // Every series of the bodies, learned as the server learns them.
        var known = SeriesKeyTable()
        for body in bodies {
            for series in try decoder.decode(body: body.bytes, contentType: contentType, knownSeries: known).series {
                if let key = series.key { known.insert(key) }
            }
        }
        for pass in 0..<(options.warmupRounds + options.rounds) {
            var decoded = 0
            let started = clock.now
            for body in bodies {
                let batch = try decoder.decode(body: body.bytes, contentType: contentType)
                decoded += batch.sampleCount
            }
            let decodeSeconds = (clock.now - started).seconds
            guard decoded == totalSamples else {
                throw ValidationError("decoded \(decoded) samples, expected \(totalSamples)")
            }
            var bytes = 0
            let snappyStarted = clock.now
            for body in bodies {
                bytes += try Snappy.decompress(body.bytes, maxDecompressedSize: RemoteWriteDecoder.defaultMaxDecompressedSize).count
            }
            let snappySeconds = (clock.now - snappyStarted).seconds
            let knownStarted = clock.now
            for body in bodies {
                _ = try decoder.decode(body: body.bytes, contentType: contentType, knownSeries: known)
            }
            let knownSeconds = (clock.now - knownStarted).seconds
            guard pass >= options.warmupRounds else { continue }
            knownPasses.append(Double(totalSamples) / knownSeconds)
            decodePasses.append(Double(totalSamples) / decodeSeconds)
            snappyPasses.append(Double(bytes) / snappySeconds)
            progress(String(format: "pass %d: %.0f samples/s decoded", pass + 1 - options.warmupRounds, decodePasses.last!))
        }
        let snappyBytesPerSecond = median(snappyPasses)
        try printJSON(Report(
            shape: options.shape.description, version: options.version.rawValue, series: options.series,
            samplesPerBody: options.shape.samplesPerBody, bodies: bodies.count,
            meanBodyBytes: Double(bodies.reduce(0) { $0 + $1.bytes.count }) / Double(bodies.count),
            meanUncompressedBytes: Double(totalBytes) / Double(bodies.count),
            samplesPerSecond: median(decodePasses), passes: decodePasses,
            snappyOnlySamplesPerSecond: snappyBytesPerSecond / (Double(totalBytes) / Double(totalSamples)),
            snappyBytesPerSecond: snappyBytesPerSecond, knownSeriesSamplesPerSecond: median(knownPasses)))
    }
}
