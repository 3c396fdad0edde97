internal import Logging
internal import GRDB

extension SampleStore {
    /// Appends a batch durably: when this returns, everything accepted is committed to SQLite.
    ///
    /// Each series' samples are sorted by time first, then classified as Prometheus 2.42's head
    /// does with out-of-order ingestion off: newer than the series' newest sample → accepted;
    /// same timestamp and same value bits as a stored sample → a harmless duplicate (so a
    /// byte-identical retry, stale markers included, is a no-op; Prometheus would reject the
    /// older samples of such a retry as out of order); same timestamp as the newest with other
    /// bits → `duplicate sample for timestamp`; older → `out of order sample`; before the
    /// retention boundary (`deleteBefore`) → `out of bounds`.
    ///
    /// With `AppendPolicy.atomic` (the default) a batch with any rejection commits nothing and
    /// the report says which series and timestamp, so the HTTP layer can answer 400 exactly as
    /// Prometheus' receiver does; with `.acceptValid` the valid samples are committed. Throws
    /// `.io` when the transaction fails; nothing is changed then.
    public func append(_ batch: AppendBatch) throws(StorageError) -> AppendReport {
        var report = AppendReport()
        var works = group(batch, report: &report)
        let limit = configuration.reportedRejections
        for position in works.indices {
            let slot = works[position].slot
            works[position].classify(
                state: slot.map(state), minValidTime: minValidTime, report: &report, limit: limit)
        }
        for position in works.indices where !works[position].deferred.isEmpty {
            let work = works[position]
            let times = work.deferred.map { work.samples[$0].t }
            let stored = try storedBits(seriesID: work.seriesID, at: times)
            works[position].settleDeferred(
                stored: stored, newestT: work.slot.flatMap { state($0).maxT }, report: &report, limit: limit)
        }
        if batch.policy == .atomic && report.rejected > 0 {
            report.committed = false
            logger.debug("append rejected", metadata: ["report": "\(report)"])
            return report
        }
        works.removeAll { $0.accepted.isEmpty }
        guard !works.isEmpty else { return report }

        var wal = WALRecordWriter(expectedSamples: report.accepted)
        for position in works.indices {
            let slot = works[position].slot
            works[position].planCuts(
                head: slot.map { state($0).head } ?? SeriesHead(),
                samplesPerChunk: configuration.samplesPerChunk, maxSpan: configuration.maxChunkSpan)
            let work = works[position]
            wal.beginSeries(id: work.seriesID, count: work.accepted.count)
            for sample in work.accepted { wal.append(t: sample.t, v: sample.v) }
        }
        let walRow = nextWALRowID
        try commit(works, wal: (walRow, wal))
        nextWALRowID += 1
        report.newSeries = apply(works, walRow: walRow)

        appendsSinceMaintenance += 1
        if appendsSinceMaintenance >= configuration.maintenanceInterval {
            do {
                try maintain(cutBefore: maxSeenT.subtractingSaturated(configuration.idleHeadCutAfter))
            } catch {
                // The append itself committed; maintenance is retried after the next interval.
                logger.warning("sample store maintenance failed", metadata: ["error": "\(error)"])
            }
        }
        return report
    }

    /// The batch's entries as one work item per series, merging repeated label sets and giving
    /// new series their ids.
    private func group(_ batch: AppendBatch, report: inout AppendReport) -> [SeriesWork] {
        var works: [SeriesWork] = []
        works.reserveCapacity(batch.series.count)
        var workBySlot: [Int32: Int] = [:]
        var workByNewLabels: [Labels: Int] = [:]
        var nextID = nextSeriesID
        for entry in batch.series where !entry.samples.isEmpty {
            if entry.labels.isEmpty {
                for sample in entry.samples {
                    report.reject(.emptyLabels, entry.labels, sample, limit: configuration.reportedRejections)
                }
            } else if let slot = index.slot(of: entry.labels) {
                if let position = workBySlot[slot] {
                    works[position].samples += entry.samples
                } else {
                    workBySlot[slot] = works.count
                    works.append(SeriesWork(slot: slot, seriesID: state(slot).id, labels: entry.labels, samples: entry.samples))
                }
            } else if let position = workByNewLabels[entry.labels] {
                works[position].samples += entry.samples
            } else {
                workByNewLabels[entry.labels] = works.count
                works.append(SeriesWork(slot: nil, seriesID: nextID, labels: entry.labels, samples: entry.samples))
                nextID += 1
            }
        }
        return works
    }

    /// Writes new series, the WAL row (if any) and the cut chunks in one transaction.
    func commit(_ works: [SeriesWork], wal: (id: Int64, record: WALRecordWriter)?) throws(StorageError) {
        do {
            try database.writer.write { db in
                for work in works where work.slot == nil {
                    try SampleTables.insertSeries(db, id: work.seriesID, labels: work.labels)
                }
                if let wal {
                    try SampleTables.insertWAL(db, id: wal.id, samples: wal.record.sampleCount, bytes: wal.record.bytes)
                }
                for work in works {
                    for chunk in work.cuts { try SampleTables.insertChunk(db, seriesID: work.seriesID, chunk: chunk) }
                }
            }
        } catch {
            let samples = works.reduce(0) { $0 + $1.accepted.count }
            throw StorageError(.io, "cannot commit \(samples) samples of \(works.count) series: \(error)")
        }
    }

    /// Applies committed work to memory; returns the number of series created.
    func apply(_ works: [SeriesWork], walRow: Int64) -> Int {
        var created = 0
        for work in works {
            let slot: Int32
            if let existing = work.slot {
                slot = existing
            } else {
                slot = insertSeries(SeriesState(id: work.seriesID, labels: work.labels))
                nextSeriesID = max(nextSeriesID, work.seriesID + 1)
                created += 1
            }
            states[Int(slot)]!.head.apply(accepted: work.accepted[...], cutCount: work.cutCount, walRow: walRow)
            states[Int(slot)]!.recordCuts(work.cuts)
            if let last = work.accepted.last, last.t > maxSeenT { maxSeenT = last.t }
        }
        return created
    }

    /// Adds a series to the index at a free slot.
    func insertSeries(_ series: SeriesState) -> Int32 {
        let slot: Int32
        if let free = freeSlots.popLast() {
            slot = free
            states[Int(slot)] = series
        } else {
            slot = Int32(states.count)
            states.append(series)
        }
        index.insert(series.labels, slot: slot)
        slotsByID[series.id] = slot
        return slot
    }

    /// The value bits stored in chunks at each of `times` (absent where no sample is stored).
    private func storedBits(seriesID: Int64, at times: [Int64]) throws(StorageError) -> [Int64: UInt64] {
        guard let low = times.min(), let high = times.max() else { return [:] }
        let wanted = Set(times)
        do {
            return try database.writer.read { db in
                var found: [Int64: UInt64] = [:]
                try SampleTables.forEachChunk(db, seriesID: seriesID, start: low, end: high, columns: "data") { _, _, row in
                    var iterator = try SampleTables.decodeChunk(SampleTables.bytes(row, 2), seriesID: seriesID).makeIterator()
                    while let sample = try iterator.next() {
                        if wanted.contains(sample.t) { found[sample.t] = sample.v.bitPattern }
                    }
                }
                return found
            }
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError(.io, "cannot read chunks of series \(seriesID): \(error)")
        }
    }
}

extension Int64 {
    /// `self - other`, clamped to `Int64.min` instead of overflowing.
    func subtractingSaturated(_ other: Int64) -> Int64 {
        let (result, overflow) = subtractingReportingOverflow(other)
        return overflow ? (other > 0 ? .min : .max) : result
    }
}
