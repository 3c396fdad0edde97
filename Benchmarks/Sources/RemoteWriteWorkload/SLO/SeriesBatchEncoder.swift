import Snappy

/// Encodes arbitrary series with several samples each as a remote-write 1.0 body
/// (`prometheus.WriteRequest`), for the SLO comparison's backfill and live feed.
public struct SeriesBatchEncoder: Sendable {
    /// One series entry: sorted labels, then samples in time order.
    public struct Entry: Sendable {
        /// Labels sorted by name, `__name__` included.
        public var labels: [(name: String, value: String)]
        /// Timestamps in milliseconds.
        public var timestamps: [Int64]
        /// Values, one per timestamp.
        public var values: [Double]

        /// Creates an entry.
        public init(labels: [(name: String, value: String)], timestamps: [Int64] = [], values: [Double] = []) {
            self.labels = labels
            self.timestamps = timestamps
            self.values = values
        }
    }

    /// Creates an encoder.
    public init() {}

    /// The snappy-compressed body holding `entries` (entries without samples are left out).
    public func body(_ entries: [Entry]) -> RemoteWriteBody {
        var writer = ProtobufWriter(capacity: entries.reduce(0) { $0 + 100 + $1.values.count * 20 })
        var samples = 0
        for entry in entries where !entry.values.isEmpty {
            var size = 0
            for label in entry.labels {
                size += ProtobufWriter.delimitedSize(labelSize(label.name, label.value))
            }
            for index in entry.values.indices {
                size += ProtobufWriter.delimitedSize(sampleSize(entry.values[index], entry.timestamps[index]))
            }
            writer.delimited(1, length: size)
            for label in entry.labels {
                writer.delimited(1, length: labelSize(label.name, label.value))
                writer.string(1, label.name)
                writer.string(2, label.value)
            }
            for index in entry.values.indices {
                writer.delimited(2, length: sampleSize(entry.values[index], entry.timestamps[index]))
                writer.double(1, entry.values[index])
                writer.int64(2, entry.timestamps[index])
            }
            samples += entry.values.count
        }
        let message = writer.bytes
        return RemoteWriteBody(bytes: Snappy.compress(message), uncompressedSize: message.count, sampleCount: samples, version: .v1)
    }

    private func labelSize(_ name: String, _ value: String) -> Int {
        ProtobufWriter.delimitedSize(name.utf8.count) + ProtobufWriter.delimitedSize(value.utf8.count)
    }

    private func sampleSize(_ value: Double, _ timestamp: Int64) -> Int {
        ProtobufWriter.doubleSize(value) + ProtobufWriter.int64Size(timestamp)
    }
}
