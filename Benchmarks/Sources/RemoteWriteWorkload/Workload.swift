import Foundation

/// A reproducible remote-write workload: a catalog of series, their values, and the bodies that
/// carry them in a given shape, split into independent streams (one per concurrent sender, each
/// owning whole targets, so every series' samples arrive in time order, as Prometheus' shards do).
///
/// Bodies continue one another: body `i + 1` of a stream holds the samples after body `i`'s.
public struct Workload: Sendable {
    /// The series.
    public let catalog: SeriesCatalog
    /// Their values and timestamps.
    public let matrix: SampleMatrix
    /// How samples are cut into bodies.
    public let shape: WorkloadShape
    /// The series of each stream, in catalog order.
    public let streams: [[Int]]

    /// Plans a workload of `bodiesPerStream` bodies on each of `streamCount` streams, over
    /// `seriesCount` series whose namespace label starts with `namespace`.
    ///
    /// Timestamps are regular, `intervalMilliseconds` apart, the newest near `end` (default: now).
    public init(
        seriesCount: Int, shape: WorkloadShape, bodiesPerStream: Int, streamCount: Int = 1,
        namespace: String = "serving", seed: UInt64 = 42, intervalMilliseconds: Int64 = 15_000,
        end: Date = Date()
    ) {
        let catalog = SeriesCatalog(seriesCount: seriesCount, namespace: namespace, seed: seed)
        let streamCount = max(1, min(streamCount, catalog.targetCount))
        var streams = [[Int]](repeating: [], count: streamCount)
        for (index, series) in catalog.series.enumerated() {
            streams[series.target % streamCount].append(index)
        }
        // Scrapes needed by the stream with the fewest series, rounded up to whole entries.
        let smallest = max(1, streams.map(\.count).min() ?? 1)
        let entries = bodiesPerStream * shape.entriesPerBody
        let windows = (entries + smallest - 1) / smallest + 1
        let scrapes = windows * shape.samplesPerEntry
        let endMilliseconds = Int64(end.timeIntervalSince1970 * 1000)
        let start = (endMilliseconds - Int64(scrapes) * intervalMilliseconds) / intervalMilliseconds * intervalMilliseconds
        self.catalog = catalog
        self.matrix = SampleMatrix(catalog: catalog, scrapeCount: scrapes, startMilliseconds: start, intervalMilliseconds: intervalMilliseconds)
        self.shape = shape
        self.streams = streams
        self.bodiesPerStream = bodiesPerStream
    }

    /// The number of bodies of each stream.
    public let bodiesPerStream: Int

    /// The entries of body `body` of stream `stream`: entry `n` of a stream is series
    /// `n % count` at window `n / count`, a window being `samplesPerEntry` consecutive scrapes.
    public func entries(stream: Int, body: Int) -> [RemoteWriteEncoder.Entry] {
        let series = streams[stream]
        let first = body * shape.entriesPerBody
        return (first..<first + shape.entriesPerBody).map { n in
            RemoteWriteEncoder.Entry(
                series: series[n % series.count],
                firstScrape: n / series.count * shape.samplesPerEntry,
                count: shape.samplesPerEntry)
        }
    }

    /// Encodes every body of every stream, on every core; `bodies[stream][index]`.
    public func bodies(version: WireVersion) -> [[RemoteWriteBody]] {
        let encoder = RemoteWriteEncoder(catalog: catalog, matrix: matrix)
        let perStream = bodiesPerStream
        let total = streams.count * perStream
        let results = UnsafeMutableBufferPointer<RemoteWriteBody?>.allocate(capacity: total)
        results.initialize(repeating: nil)
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let output = results
        DispatchQueue.concurrentPerform(iterations: total) { index in
            output[index] = encoder.body(entries(stream: index / perStream, body: index % perStream), version: version)
        }
        return streams.indices.map { stream in
            (0..<perStream).map { results[stream * perStream + $0]! }
        }
    }

    /// Encodes one body without compressing it (for decoder benchmarks that skip snappy).
    public func message(stream: Int = 0, body: Int = 0, version: WireVersion) -> [UInt8] {
        let encoder = RemoteWriteEncoder(catalog: catalog, matrix: matrix)
        let entries = entries(stream: stream, body: body)
        return version == .v1 ? encoder.encodeV1(entries) : encoder.encodeV2(entries)
    }
}
