internal import RemoteWrite
public import Rules
public import Storage

/// The remote-write ingest path without HTTP: decode, keep only what rules read, append durably,
/// and answer as Prometheus 2.42's receiver does (`--web.enable-remote-write-receiver`).
///
/// Deviations from Prometheus, on purpose: a byte-identical retry is always a harmless no-op
/// (Prometheus answers 400 to a retry holding stale markers, as NaN never equals NaN); an
/// unknown Content-Type is 415 (Prometheus ignores it); native histograms and exemplars are
/// accepted and counted, not stored.
public actor Ingestor {
    private nonisolated let store: SampleStore
    private nonisolated let decoder = RemoteWriteDecoder()
    private var filter: SeriesFilter
    /// What has been received, stored and dropped so far.
    public private(set) var statistics = IngestStatistics()
    /// The largest body accepted (compressed, and decompressed).
    public nonisolated let maxBodyBytes: Int

    /// Creates the ingest path over `store`, keeping what `ruleSet` reads (everything with `keepAll`).
    public init(store: SampleStore, ruleSet: RuleSet, keepAll: Bool, maxBodyBytes: Int) {
        self.store = store
        self.filter = SeriesFilter(ruleSet: ruleSet, keepAll: keepAll)
        self.maxBodyBytes = maxBodyBytes
    }

    /// Puts the selectors of new rules in force (after a reload).
    public func update(ruleSet: RuleSet) {
        filter = SeriesFilter(ruleSet: ruleSet, keepAll: filter.keepAll)
    }

    /// The filter in force.
    public var currentFilter: SeriesFilter { filter }

    /// Handles one request body. Answers 2xx only once what it accepted is committed.
    ///
    /// Decoding and filtering run outside the actor, so requests decode in parallel; only the
    /// counters are updated on it.
    public nonisolated func ingest(body: [UInt8], contentType: String?) async -> IngestResult {
        var delta = IngestStatistics()
        let result = await process(body: body, contentType: contentType, filter: currentFilter, statistics: &delta)
        delta.requestsByStatus[result.status, default: 0] += 1
        await record(delta)
        return result
    }

    private func record(_ delta: IngestStatistics) {
        let droppedSeriesBefore = statistics.metrics.mapValues(\.droppedSeries)
        statistics.merge(delta)
        IngestMetrics.record(delta, droppedSeriesBefore: droppedSeriesBefore, after: statistics)
    }

    private nonisolated func process(
        body: [UInt8], contentType: String?, filter: SeriesFilter, statistics: inout IngestStatistics
    ) async -> IngestResult {
        if body.count > maxBodyBytes {
            return IngestResult(status: 413, message: "request body of \(body.count) bytes exceeds the limit of \(maxBodyBytes) bytes")
        }
        let batch: WriteBatch
        do {
            batch = try decoder.decode(body: body, contentType: contentType, maxDecompressedSize: maxBodyBytes)
        } catch {
            return IngestResult(status: error.httpStatus, message: error.message)
        }
        statistics.receivedSamples += batch.sampleCount
        statistics.unsupportedHistograms += batch.histogramCount
        statistics.unsupportedExemplars += batch.exemplarCount

        var append = AppendBatch(policy: .atomic)
        var kept: [(metric: String, samples: Int)] = []
        for series in batch.series where !series.samples.isEmpty {
            let metric = series.metricName
            let pairs = series.labels.lazy.map { (name: $0.name, value: $0.value) }
            guard filter.keeps(metricName: metric, labels: pairs) else {
                var hasher = Hasher()
                for label in series.labels {
                    hasher.combine(label.name)
                    hasher.combine(label.value)
                }
                statistics.dropped(metric: metric, seriesHash: UInt64(bitPattern: Int64(hasher.finalize())), samples: series.samples.count)
                continue
            }
            // The decoder delivers labels sorted by name, unique and without empty values.
            let labels = Labels(canonical: series.labels.map { Label(name: $0.name, value: $0.value) })
            append.append(labels, series.samples.map { ChunkSample(t: $0.timestamp, v: $0.value) })
            kept.append((metric, series.samples.count))
        }

        var written = 0
        if !append.series.isEmpty {
            let report: AppendReport
            do {
                report = try await store.append(append)
            } catch {
                return IngestResult(status: 500, message: "storage failure, retry: \(error.message)")
            }
            guard report.committed else {
                statistics.rejectedSamples += report.rejected
                let first = report.firstRejection.map(\.description) ?? "samples rejected"
                return IngestResult(status: 400, message: "\(first) (\(report.rejected) sample(s) rejected; nothing of this request was stored)")
            }
            written = report.accepted + report.duplicates
            statistics.storedSamples += written
            for entry in kept { statistics.stored(metric: entry.metric, samples: entry.samples) }
        }
        if !batch.metadata.isEmpty {
            let entries = batch.metadata.map {
                MetricMetadata(metric: $0.familyName, type: MetricType(rawValue: $0.type.rawValue) ?? .unknown, help: $0.help, unit: $0.unit)
            }
            do {
                try await store.setMetadata(entries)
            } catch {
                return IngestResult(status: 500, message: "storage failure, retry: \(error.message)")
            }
        }
        var headers: [String: String] = [:]
        if batch.version == .v2 {
            headers["X-Prometheus-Remote-Write-Samples-Written"] = "\(written)"
            headers["X-Prometheus-Remote-Write-Histograms-Written"] = "0"
            headers["X-Prometheus-Remote-Write-Exemplars-Written"] = "0"
        }
        return IngestResult(status: 204, headers: headers, samplesWritten: written)
    }
}
