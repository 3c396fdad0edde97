#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Turns a decoded `prometheus.WriteRequest` into a ``WriteBatch``, validating labels.
enum V1Conversion {
    static func batch(from request: Prometheus_WriteRequest) throws(RemoteWriteError) -> WriteBatch {
        var series: [WriteBatch.Series] = []
        series.reserveCapacity(request.timeseries.count)
        for (index, entry) in request.timeseries.enumerated() {
            let labels = try labels(entry.labels, owner: .series(index), requireMetricName: true)
            var exemplars: [WriteBatch.Exemplar] = []
            if !entry.exemplars.isEmpty {
                exemplars.reserveCapacity(entry.exemplars.count)
                for (exemplarIndex, exemplar) in entry.exemplars.enumerated() {
                    let exemplarLabels = try self.labels(
                        exemplar.labels,
                        owner: .exemplar(series: index, index: exemplarIndex),
                        requireMetricName: false
                    )
                    exemplars.append(WriteBatch.Exemplar(labels: exemplarLabels, value: exemplar.value, timestamp: exemplar.timestamp))
                }
            }
            series.append(
                WriteBatch.Series(
                    labels: labels,
                    samples: entry.samples.map { WriteBatch.Sample(timestamp: $0.timestamp, value: $0.value) },
                    histograms: entry.histograms.map(histogram),
                    exemplars: exemplars
                )
            )
        }
        return WriteBatch(version: .v1, series: series, metadata: request.metadata.map(metadata))
    }

    private static func labels(
        _ raw: [Prometheus_Label],
        owner: LabelOwner,
        requireMetricName: Bool
    ) throws(RemoteWriteError) -> [WriteBatch.Label] {
        var labels: [WriteBatch.Label] = []
        labels.reserveCapacity(raw.count)
        for (index, label) in raw.enumerated() {
            let name = try LabelRules.name(label.name, owner: owner, index: index)
            let value = try LabelRules.value(label.value, name: name, owner: owner)
            labels.append(WriteBatch.Label(name: name, value: value))
        }
        try LabelRules.finish(&labels, owner: owner, requireMetricName: requireMetricName)
        return labels
    }

    private static func metadata(_ raw: Prometheus_MetricMetadata) -> WriteBatch.MetricMetadata {
        let type: WriteBatch.MetricType =
            switch raw.type {
            case .unknown, .UNRECOGNIZED: .unknown
            case .counter: .counter
            case .gauge: .gauge
            case .histogram: .histogram
            case .gaugehistogram: .gaugeHistogram
            case .summary: .summary
            case .info: .info
            case .stateset: .stateset
            }
        // Metadata text is advisory: invalid UTF-8 is repaired rather than rejected.
        return WriteBatch.MetricMetadata(
            familyName: String(decoding: raw.metricFamilyName, as: UTF8.self),
            type: type,
            help: String(decoding: raw.help, as: UTF8.self),
            unit: String(decoding: raw.unit, as: UTF8.self)
        )
    }

    private static func histogram(_ raw: Prometheus_Histogram) -> WriteBatch.Histogram {
        let count: WriteBatch.Histogram.Count =
            switch raw.count {
            case let .countFloat(value): .float(value)
            case let .countInt(value): .integer(value)
            case nil: .integer(0)
            }
        let zeroCount: WriteBatch.Histogram.Count =
            switch raw.zeroCount {
            case let .zeroCountFloat(value): .float(value)
            case let .zeroCountInt(value): .integer(value)
            case nil: count.isFloat ? .float(0) : .integer(0)
            }
        let resetHint: WriteBatch.Histogram.ResetHint =
            switch raw.resetHint {
            case .yes: .yes
            case .no: .no
            case .gauge: .gauge
            case .unknown, .UNRECOGNIZED: .unknown
            }
        return WriteBatch.Histogram(
            count: count,
            sum: raw.sum,
            schema: raw.schema,
            zeroThreshold: raw.zeroThreshold,
            zeroCount: zeroCount,
            negativeSpans: raw.negativeSpans.map { WriteBatch.BucketSpan(offset: $0.offset, length: $0.length) },
            negativeDeltas: raw.negativeDeltas,
            negativeCounts: raw.negativeCounts,
            positiveSpans: raw.positiveSpans.map { WriteBatch.BucketSpan(offset: $0.offset, length: $0.length) },
            positiveDeltas: raw.positiveDeltas,
            positiveCounts: raw.positiveCounts,
            resetHint: resetHint,
            timestamp: raw.timestamp,
            customValues: raw.customValues
        )
    }
}
