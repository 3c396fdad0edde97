/// Turns a decoded `io.prometheus.write.v2.Request` into a ``WriteBatch``, resolving symbols
/// and validating labels.
enum V2Conversion {
    static func batch(from request: Io_Prometheus_Write_V2_Request) throws(RemoteWriteError) -> WriteBatch {
        var symbols = SymbolTable(request.symbols)
        var series: [WriteBatch.Series] = []
        series.reserveCapacity(request.timeseries.count)
        var metadata: [WriteBatch.MetricMetadata] = []
        var metadataFamilies: Set<String> = []
        for (index, entry) in request.timeseries.enumerated() {
            let owner = LabelOwner.series(index)
            let labels = try labels(entry.labelsRefs, symbols: &symbols, owner: owner, requireMetricName: true)
            var exemplars: [WriteBatch.Exemplar] = []
            if !entry.exemplars.isEmpty {
                exemplars.reserveCapacity(entry.exemplars.count)
                for (exemplarIndex, exemplar) in entry.exemplars.enumerated() {
                    let exemplarLabels = try self.labels(
                        exemplar.labelsRefs,
                        symbols: &symbols,
                        owner: .exemplar(series: index, index: exemplarIndex),
                        requireMetricName: false
                    )
                    exemplars.append(WriteBatch.Exemplar(labels: exemplarLabels, value: exemplar.value, timestamp: exemplar.timestamp))
                }
            }
            // Release candidates of 2.0 sent one created_timestamp per series; later revisions
            // put start_timestamp on each sample and histogram, which wins when both are set.
            let seriesStart = entry.createdTimestamp
            let samples = entry.samples.map {
                WriteBatch.Sample(
                    timestamp: $0.timestamp,
                    value: $0.value,
                    startTimestamp: $0.startTimestamp != 0 ? $0.startTimestamp : seriesStart
                )
            }
            let histograms = entry.histograms.map { histogram($0, seriesStart: seriesStart) }
            let built = WriteBatch.Series(labels: labels, samples: samples, histograms: histograms, exemplars: exemplars)
            if entry.hasMetadata {
                let family = try self.metadata(entry.metadata, symbols: symbols, series: index, name: built.metricName)
                if let family, metadataFamilies.insert(family.familyName).inserted {
                    metadata.append(family)
                }
            }
            series.append(built)
        }
        return WriteBatch(version: .v2, series: series, metadata: metadata)
    }

    private static func labels(
        _ references: [UInt32],
        symbols: inout SymbolTable,
        owner: LabelOwner,
        requireMetricName: Bool
    ) throws(RemoteWriteError) -> [WriteBatch.Label] {
        guard references.count % 2 == 0 else {
            throw LabelRules.invalid(owner, "labels_refs has an odd number of entries (\(references.count))")
        }
        var labels: [WriteBatch.Label] = []
        labels.reserveCapacity(references.count / 2)
        var position = 0
        while position < references.count {
            let name = try symbols.string(references[position], owner: owner, role: "label name")
            try LabelRules.checkName(name, owner: owner, index: position / 2)
            let value = try symbols.string(references[position + 1], owner: owner, role: "label value")
            labels.append(WriteBatch.Label(name: name, value: value))
            position += 2
        }
        try LabelRules.finish(&labels, owner: owner, requireMetricName: requireMetricName)
        return labels
    }

    /// The family metadata a series carries, or nil when it says nothing.
    private static func metadata(
        _ raw: Io_Prometheus_Write_V2_Metadata,
        symbols: SymbolTable,
        series: Int,
        name: String
    ) throws(RemoteWriteError) -> WriteBatch.MetricMetadata? {
        let owner = LabelOwner.metadata(series: series)
        let help = try symbols.text(raw.helpRef, owner: owner, role: "help")
        let unit = try symbols.text(raw.unitRef, owner: owner, role: "unit")
        let type: WriteBatch.MetricType =
            switch raw.type {
            case .unspecified, .UNRECOGNIZED: .unknown
            case .counter: .counter
            case .gauge: .gauge
            case .histogram: .histogram
            case .gaugehistogram: .gaugeHistogram
            case .summary: .summary
            case .info: .info
            case .stateset: .stateset
            }
        if type == .unknown, help.isEmpty, unit.isEmpty { return nil }
        return WriteBatch.MetricMetadata(familyName: name, type: type, help: help, unit: unit)
    }

    private static func histogram(_ raw: Io_Prometheus_Write_V2_Histogram, seriesStart: Int64) -> WriteBatch.Histogram {
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
            case .unspecified, .UNRECOGNIZED: .unknown
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
            customValues: raw.customValues,
            startTimestamp: raw.startTimestamp != 0 ? raw.startTimestamp : seriesStart
        )
    }
}
