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
    /// The series senders sent before, by their label bytes (see ``SeriesCache``).
    private nonisolated let cache = SeriesCache()
    /// What has been received, stored and dropped so far.
    public private(set) var statistics = IngestStatistics()
    /// The process counters the statistics are also added to.
    private var metrics = IngestMetrics()
    /// The largest body accepted (compressed, and decompressed).
    public nonisolated let maxBodyBytes: Int

    /// How many parts a large remote-write 1.0 body is cut into, decoded concurrently.
    public nonisolated let decodeParallelism: Int

    /// Creates the ingest path over `store`, keeping what `ruleSet` reads (everything with
    /// `keepAll`); a body of many thousand series is decoded in up to `decodeParallelism` parts
    /// at once (the cores to use for one request).
    public init(store: SampleStore, ruleSet: RuleSet, keepAll: Bool, maxBodyBytes: Int, decodeParallelism: Int = 1) {
        self.decodeParallelism = max(1, decodeParallelism)
        self.store = store
        self.filter = SeriesFilter(ruleSet: ruleSet, keepAll: keepAll)
        self.maxBodyBytes = maxBodyBytes
    }

    /// Puts the selectors of new rules in force (after a reload).
    public func update(ruleSet: RuleSet) {
        filter = SeriesFilter(ruleSet: ruleSet, keepAll: filter.keepAll)
        cache.reset()
    }

    /// The number of series the ingest path remembers by their label bytes.
    public nonisolated var cachedSeries: Int { cache.count }

    /// The filter in force.
    public var currentFilter: SeriesFilter { filter }

    /// Handles one request body. Answers 2xx only once what it accepted is committed.
    ///
    /// Decoding and filtering run outside the actor, so requests decode in parallel; only the
    /// counters are updated on it.
    /// `body` is read where it lies when its storage is contiguous (an array, or the HTTP
    /// server's buffer), so the server need not copy it first.
    public nonisolated func ingest(body: some Collection<UInt8> & Sendable, contentType: String?) async -> IngestResult {
        var delta = IngestStatistics()
        let (filter, known) = await inForce()
        var outcome = await process(body: body, contentType: contentType, filter: filter, known: known, statistics: &delta)
        if outcome == nil {
            // A series the cache had a reference for was deleted by retention: start over with
            // the labels of every series.
            cache.reset()
            delta = IngestStatistics()
            outcome = await process(body: body, contentType: contentType, filter: filter, known: nil, statistics: &delta)
        }
        let result = outcome ?? IngestResult(status: 500, message: "storage failure, retry: series references kept changing")
        delta.requestsByStatus[result.status, default: 0] += 1
        await record(delta)
        return result
    }

    /// The filter and the cache snapshot that goes with it, taken together on the actor, where
    /// `update` changes both.
    private func inForce() -> (SeriesFilter, SeriesCache.Snapshot) {
        (filter, cache.snapshot())
    }

    private func record(_ delta: IngestStatistics) {
        let addedDroppedSeries = statistics.merge(delta)
        metrics.record(delta, addedDroppedSeries: addedDroppedSeries)
    }

    /// Decodes, filters and appends one body; `nil` when a cached series reference was stale
    /// (nothing was committed; the caller retries without the cache).
    private nonisolated func process(
        body: some Collection<UInt8> & Sendable, contentType: String?, filter: SeriesFilter, known: SeriesCache.Snapshot?, statistics: inout IngestStatistics
    ) async -> IngestResult? {
        if body.count > maxBodyBytes {
            return IngestResult(status: 413, message: "request body of \(body.count) bytes exceeds the limit of \(maxBodyBytes) bytes")
        }
        let batch: WriteBatch
        do {
            // Without a snapshot (the retry) the decoder still hands back keys, to relearn.
            batch = try await decoder.decode(
                body: body, contentType: contentType, maxDecompressedSize: maxBodyBytes,
                knownSeries: known?.keys ?? SeriesKeyTable(), parallelism: decodeParallelism)
        } catch {
            return IngestResult(status: error.httpStatus, message: error.message)
        }
        statistics.receivedSamples += batch.sampleCount
        statistics.unsupportedHistograms += batch.histogramCount
        statistics.unsupportedExemplars += batch.exemplarCount

        let known = known ?? SeriesCache.Snapshot()
        var append = AppendBatch(policy: .atomic)
        append.series.reserveCapacity(batch.series.count)
        // Per entry of `append`: the cache token of a known series, or -1 - the position of a
        // new one in `learned.newKeys` (`Int.min` for a new series without a key).
        var origins: [Int] = []
        origins.reserveCapacity(batch.series.count)
        var learned = SeriesCache.Learned()
        // Samples of known series per metric (by position in `known.metrics`), and of new ones
        // by name.
        var storedByMetric = [Int](repeating: 0, count: known.metrics.count)
        var droppedByMetric = storedByMetric
        var keptNew: [(metric: String, samples: Int)] = []
        // The samples of every entry of `append`, one after the other in one array (an array per
        // series was an allocation per series); each entry gets its slice once all are in.
        var samples: [ChunkSample] = []
        samples.reserveCapacity(batch.sampleCount)
        // Where each entry's samples end in `samples`. The samples are copied by a loop written
        // out at each of its two places: a local function that appended to `samples` captured it
        // in a box, checked for exclusive access at every sample (`swift_beginAccess`).
        var ends: [Int] = []
        ends.reserveCapacity(batch.series.count)
        known.entries.withUnsafeBufferPointer { entries in
            // The decoded series are read in place too: copying one retained and released its
            // five arrays (only a new series, below, is copied).
            batch.series.withUnsafeBufferPointer { decoded in
                for position in decoded.indices where !decoded[position].samples.isEmpty {
                    if let token = decoded[position].knownSeries {
                        // Fields are read in place: copying the entry would touch its labels.
                        let metric = Int(entries[Int(token)].metric)
                        guard entries[Int(token)].keep else {
                            droppedByMetric[metric] += decoded[position].samples.count
                            continue
                        }
                        if let ref = entries[Int(token)].ref {
                            append.append(Labels(), [], ref: ref)
                        } else {
                            append.append(entries[Int(token)].labels, [])
                        }
                        for sample in decoded[position].samples { samples.append(ChunkSample(t: sample.timestamp, v: sample.value)) }
                        ends.append(samples.count)
                        origins.append(Int(token))
                        storedByMetric[metric] += decoded[position].samples.count
                        continue
                    }
                    let series = decoded[position]
                    let metric = series.metricName
                    let pairs = series.labels.lazy.map { (name: $0.name, value: $0.value) }
                    let keep = filter.keeps(metricName: metric, labels: pairs)
                    // The decoder delivers labels sorted by name, unique and without empty values.
                    let labels = Labels(canonical: series.labels.map { Label(name: $0.name, value: $0.value) })
                    if let key = series.key {
                        learned.newKeys.append(SeriesCache.NewSeries(key: key, labels: labels, metric: metric, keep: keep))
                    }
                    guard keep else {
                        var hasher = Hasher()
                        for label in series.labels {
                            hasher.combine(label.name)
                            hasher.combine(label.value)
                        }
                        statistics.dropped(metric: metric, seriesHash: UInt64(bitPattern: Int64(hasher.finalize())), samples: series.samples.count)
                        continue
                    }
                    append.append(labels, [])
                    for sample in series.samples { samples.append(ChunkSample(t: sample.timestamp, v: sample.value)) }
                    ends.append(samples.count)
                    origins.append(series.key == nil ? Int.min : -learned.newKeys.count)
                    keptNew.append((metric, series.samples.count))
                }
            }
        }
        var start = 0
        for position in append.series.indices {
            append.series[position].samples = samples[start..<ends[position]]
            start = ends[position]
        }
        // A known dropped series was counted as a distinct series when it was new.
        for (position, samples) in droppedByMetric.enumerated() where samples > 0 {
            statistics.droppedKnown(metric: known.metrics[position], samples: samples)
        }

        var written = 0
        if !append.series.isEmpty {
            let report: AppendReport
            do {
                report = try await store.append(append)
            } catch {
                return IngestResult(status: 500, message: "storage failure, retry: \(error.message)")
            }
            if report.staleRefs > 0 { return nil }
            guard report.committed else {
                statistics.rejectedSamples += report.rejected
                let first = report.firstRejection.map(\.description) ?? "samples rejected"
                return IngestResult(status: 400, message: "\(first) (\(report.rejected) sample(s) rejected; nothing of this request was stored)")
            }
            written = report.accepted + report.duplicates
            statistics.storedSamples += written
            for (position, samples) in storedByMetric.enumerated() where samples > 0 {
                statistics.stored(metric: known.metrics[position], samples: samples)
            }
            for entry in keptNew { statistics.stored(metric: entry.metric, samples: entry.samples) }
            for (position, origin) in origins.enumerated() where origin != Int.min {
                guard position < report.seriesRefs.count, let ref = report.seriesRefs[position] else { continue }
                if origin >= 0 {
                    if known.entries[origin].ref != ref { learned.refs.append((Int32(origin), ref)) }
                } else {
                    learned.newKeys[-origin - 1].ref = ref
                }
            }
        }
        cache.record(learned, generation: known.generation)
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
