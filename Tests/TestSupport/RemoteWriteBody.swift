import Foundation
import RemoteWrite
import Snappy
import SwiftProtobuf

/// Remote-write 1.0 bodies built with the generated protobuf types, compressed as Prometheus sends them.
public enum RemoteWriteBody {
    /// One body: for each series (labels, `__name__` included unless left out on purpose), its samples.
    public static func make(_ series: [([String: String], [(t: Int64, v: Double)])]) throws -> [UInt8] {
        var request = Prometheus_WriteRequest()
        request.timeseries = series.map { labels, samples in
            var entry = Prometheus_TimeSeries()
            entry.labels = labels.sorted { $0.key < $1.key }.map { name, value in
                var label = Prometheus_Label()
                label.name = Data(name.utf8)
                label.value = Data(value.utf8)
                return label
            }
            entry.samples = samples.map { sample in
                var point = Prometheus_Sample()
                point.timestamp = sample.t
                point.value = sample.v
                return point
            }
            return entry
        }
        let bytes: [UInt8] = try request.serializedBytes()
        return Snappy.compress(bytes)
    }

    /// A metadata-only body, as Prometheus sends every `metadata_config.send_interval`.
    public static func metadata(family: String, type: Int, help: String) throws -> [UInt8] {
        var request = Prometheus_WriteRequest()
        var metadata = Prometheus_MetricMetadata()
        metadata.metricFamilyName = Data(family.utf8)
        metadata.type = Prometheus_MetricMetadata.MetricType(rawValue: type) ?? .unknown
        metadata.help = Data(help.utf8)
        request.metadata = [metadata]
        let bytes: [UInt8] = try request.serializedBytes()
        return Snappy.compress(bytes)
    }
}
