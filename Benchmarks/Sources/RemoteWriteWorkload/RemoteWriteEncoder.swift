/// Encodes entries of a `SampleMatrix` as remote-write 1.0 or 2.0 protobuf messages, field for
/// field as Prometheus writes them (zero values omitted, labels sorted by name).
public struct RemoteWriteEncoder: Sendable {
    /// One series entry of a body: the series and its consecutive scrapes.
    public struct Entry: Sendable, Hashable {
        /// The series (its position in the catalog).
        public var series: Int
        /// The first scrape.
        public var firstScrape: Int
        /// The number of consecutive scrapes.
        public var count: Int

        /// Creates an entry.
        public init(series: Int, firstScrape: Int, count: Int) {
            self.series = series
            self.firstScrape = firstScrape
            self.count = count
        }
    }

    /// The series the entries refer to.
    public let catalog: SeriesCatalog
    /// Their values and timestamps.
    public let matrix: SampleMatrix

    /// Creates an encoder over a catalog and its values.
    public init(catalog: SeriesCatalog, matrix: SampleMatrix) {
        self.catalog = catalog
        self.matrix = matrix
    }

    /// Encodes and compresses `entries` into a body.
    public func body(_ entries: [Entry], version: WireVersion) -> RemoteWriteBody {
        let message = version == .v1 ? encodeV1(entries) : encodeV2(entries)
        return RemoteWriteBody(
            bytes: compress(message), uncompressedSize: message.count,
            sampleCount: entries.reduce(0) { $0 + $1.count }, version: version)
    }

    /// `prometheus.WriteRequest { repeated TimeSeries timeseries = 1; }`, with
    /// `TimeSeries { repeated Label labels = 1; repeated Sample samples = 2; }`,
    /// `Label { string name = 1; string value = 2; }` and `Sample { double value = 1; int64 timestamp = 2; }`.
    public func encodeV1(_ entries: [Entry]) -> [UInt8] {
        var writer = ProtobufWriter(capacity: entries.count * 200)
        for entry in entries {
            let labels = catalog.series[entry.series].labels
            var seriesSize = 0
            for label in labels {
                seriesSize += ProtobufWriter.delimitedSize(labelSize(label.name.utf8.count, label.value.utf8.count))
            }
            for scrape in entry.firstScrape..<entry.firstScrape + entry.count {
                seriesSize += ProtobufWriter.delimitedSize(sampleSize(entry.series, scrape))
            }
            writer.delimited(1, length: seriesSize)
            for label in labels {
                writer.delimited(1, length: labelSize(label.name.utf8.count, label.value.utf8.count))
                writer.string(1, label.name)
                writer.string(2, label.value)
            }
            for scrape in entry.firstScrape..<entry.firstScrape + entry.count {
                writeSample(&writer, entry.series, scrape)
            }
        }
        return writer.bytes
    }

    /// `io.prometheus.write.v2.Request { repeated string symbols = 4; repeated TimeSeries timeseries = 5; }`,
    /// with `TimeSeries { repeated uint32 labels_refs = 1 (packed); repeated Sample samples = 2; Metadata metadata = 5; }`
    /// and `Metadata { MetricType type = 1; }`; symbol 0 is the empty string.
    public func encodeV2(_ entries: [Entry]) -> [UInt8] {
        var symbols: [String] = [""]
        var symbolIndex: [String: UInt32] = ["": 0]
        func ref(_ string: String) -> UInt32 {
            if let index = symbolIndex[string] { return index }
            let index = UInt32(symbols.count)
            symbols.append(string)
            symbolIndex[string] = index
            return index
        }
        var refs: [[UInt32]] = []
        refs.reserveCapacity(entries.count)
        for entry in entries {
            refs.append(catalog.series[entry.series].labels.flatMap { [ref($0.name), ref($0.value)] })
        }
        var writer = ProtobufWriter(capacity: entries.count * 120 + symbols.reduce(0) { $0 + $1.utf8.count + 2 })
        for symbol in symbols {
            writer.string(4, symbol)
        }
        for (position, entry) in entries.enumerated() {
            let packed = refs[position].reduce(0) { $0 + ProtobufWriter.varintSize(UInt64($1)) }
            var seriesSize = ProtobufWriter.delimitedSize(packed)
            for scrape in entry.firstScrape..<entry.firstScrape + entry.count {
                seriesSize += ProtobufWriter.delimitedSize(sampleSize(entry.series, scrape))
            }
            let metadataSize = 2  // type = 1, a one-byte enum value
            seriesSize += ProtobufWriter.delimitedSize(metadataSize)
            writer.delimited(5, length: seriesSize)
            writer.delimited(1, length: packed)
            for value in refs[position] { writer.varint(UInt64(value)) }
            for scrape in entry.firstScrape..<entry.firstScrape + entry.count {
                writeSample(&writer, entry.series, scrape)
            }
            writer.delimited(5, length: metadataSize)
            writer.key(1, 0)
            writer.varint(UInt64(catalog.series[entry.series].kind.rawValue))
        }
        return writer.bytes
    }

    @inline(__always)
    private func labelSize(_ name: Int, _ value: Int) -> Int {
        ProtobufWriter.delimitedSize(name) + ProtobufWriter.delimitedSize(value)
    }

    @inline(__always)
    private func sampleSize(_ series: Int, _ scrape: Int) -> Int {
        ProtobufWriter.doubleSize(matrix.value(series: series, scrape: scrape))
            + ProtobufWriter.int64Size(matrix.timestamp(series: series, scrape: scrape))
    }

    @inline(__always)
    private func writeSample(_ writer: inout ProtobufWriter, _ series: Int, _ scrape: Int) {
        writer.delimited(2, length: sampleSize(series, scrape))
        writer.double(1, matrix.value(series: series, scrape: scrape))
        writer.int64(2, matrix.timestamp(series: series, scrape: scrape))
    }
}
