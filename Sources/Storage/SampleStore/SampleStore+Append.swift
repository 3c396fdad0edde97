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
        try append(batch, deferringCommit: false)
    }

    /// `append(_:)`, or with `deferringCommit`, for output the store computed itself (rule
    /// output) rather than samples a client is told are stored: when the batch creates no series
    /// and cuts no chunk, its samples are applied in memory (visible to reads at once) and their
    /// WAL row is written by the store's next transaction or `commitDeferred()`, so that the
    /// output of many rule groups costs one transaction. The database stays a prefix of what is
    /// in memory: every transaction writes the deferred rows first.
    public func append(_ batch: AppendBatch, deferringCommit: Bool) throws(StorageError) -> AppendReport {
        if !deferringCommit, let report = try appendInOrder(batch) { return report }
        var report = AppendReport()
        var entryWork: [Int] = []
        var works = group(batch, report: &report, entryWork: &entryWork)
        if report.staleRefs > 0 {
            report.committed = false
            report.accepted = 0
            return report
        }
        let limit = configuration.reportedRejections
        // Series state is accessed in place (inout), never copied: a copy would retain the
        // labels and head arrays of every series, cold memory in a large batch.
        var noState: SeriesState? = nil
        let minValidTime = self.minValidTime
        states.withUnsafeMutableBufferPointer { states in
            for position in works.indices {
                if let slot = works[position].slot {
                    works[position].classify(state: &states[Int(slot)], minValidTime: minValidTime, report: &report, limit: limit)
                } else {
                    works[position].classify(state: &noState, minValidTime: minValidTime, report: &report, limit: limit)
                }
            }
        }
        for position in works.indices where !works[position].deferred.isEmpty {
            let times = works[position].deferred.map { works[position].samples[$0].t }
            let stored = try storedBits(seriesID: works[position].seriesID, at: times)
            let newestT = works[position].slot.flatMap { states[Int($0)]!.maxT }
            works[position].settleDeferred(stored: stored, newestT: newestT, report: &report, limit: limit)
        }
        if batch.policy == .atomic && report.rejected > 0 {
            report.committed = false
            logger.debug("append rejected", metadata: ["report": "\(report)"])
            return report
        }
        if report.accepted == 0 {
            // Nothing new (a retry): the existing series' references still hold.
            report.seriesRefs = Self.refs(entryWork, works)
            return report
        }

        var emptyHead = SeriesHead()
        let (samplesPerChunk, maxSpan, perWrite) = (configuration.samplesPerChunk, configuration.maxChunkSpan, configuration.chunksPerWrite)
        states.withUnsafeMutableBufferPointer { states in
            for position in works.indices where !works[position].accepted.isEmpty {
                if let slot = works[position].slot {
                    works[position].planCuts(
                        head: &states[Int(slot)]!.head, samplesPerChunk: samplesPerChunk, maxSpan: maxSpan, chunksPerWrite: perWrite)
                } else {
                    works[position].planCuts(head: &emptyHead, samplesPerChunk: samplesPerChunk, maxSpan: maxSpan, chunksPerWrite: perWrite)
                }
            }
        }
        encodeCuts(&works)
        let walRow: Int64
        if deferringCommit && !works.contains(where: { $0.slot == nil || !$0.cuts.isEmpty }) {
            // Into the open deferred row, or a new one.
            var deferred = deferredWAL ?? (nextWALRowID, WALRecordWriter(expectedSamples: report.accepted))
            deferredWAL = nil
            if deferred.id == nextWALRowID { nextWALRowID += 1 }
            for position in works.indices where !works[position].accepted.isEmpty { works[position].writeWAL(to: &deferred.record) }
            walRow = deferred.id
            deferredWAL = deferred
        } else {
            var wal = WALRecordWriter(expectedSamples: report.accepted)
            for position in works.indices where !works[position].accepted.isEmpty { works[position].writeWAL(to: &wal) }
            walRow = nextWALRowID
            prefetchHeads(works)
            try commit(works, wal: (walRow, wal))
            nextWALRowID += 1
        }
        report.newSeries = apply(&works, walRow: walRow)
        report.seriesRefs = Self.refs(entryWork, works)

        appendsSinceMaintenance += 1
        samplesSinceMaintenance += report.accepted
        maintainIfDue()
        return report
    }

    /// Runs maintenance when enough appends and samples came since it last ran.
    func maintainIfDue() {
        guard appendsSinceMaintenance >= configuration.maintenanceInterval && samplesSinceMaintenance >= index.count else { return }
        do {
            try maintain(cutBefore: maxSeenT.subtractingSaturated(configuration.idleHeadCutAfter), appendedBefore: walRowAtMaintenance)
        } catch {
            // The append itself committed; maintenance is retried after the next interval.
            logger.warning("sample store maintenance failed", metadata: ["error": "\(error)"])
        }
    }

    /// The batch's entries as one work item per series, merging repeated label sets and giving
    /// new series their ids; `entryWork` gets, per entry, the position of its work item (-1 for
    /// an entry with no samples or no labels).
    private func group(_ batch: AppendBatch, report: inout AppendReport, entryWork: inout [Int]) -> [SeriesWork] {
        var works: [SeriesWork] = []
        works.reserveCapacity(batch.series.count)
        entryWork.reserveCapacity(batch.series.count)
        // A stored series' second entry is found by the mark of its slot. The marks are worked
        // on as a local (swapped out, so not copied): an actor's property is checked for
        // exclusive access at every use.
        var marks = SlotMarks()
        swap(&marks, &workMarks)
        defer { swap(&marks, &workMarks) }
        marks.startBatch(slots: states.count)
        var workByNewLabels: [Labels: Int] = [:]
        var nextID = nextSeriesID
        for entry in batch.series {
            guard !entry.samples.isEmpty else {
                entryWork.append(-1)
                continue
            }
            let live = liveSlot(of: entry.ref)
            if live == nil && entry.labels.isEmpty {
                if entry.ref != nil {
                    report.staleRefs += 1
                } else {
                    for sample in entry.samples {
                        report.reject(.emptyLabels, entry.labels, sample, limit: configuration.reportedRejections)
                    }
                }
                entryWork.append(-1)
            } else if let slot = live ?? index.slot(of: entry.labels) {
                if let position = marks.position(of: slot, orMark: works.count) {
                    works[position].samples += entry.samples
                    entryWork.append(position)
                } else {
                    entryWork.append(works.count)
                    // The labels of a stored series are read from its state when needed (rejections).
                    works.append(SeriesWork(slot: slot, seriesID: seriesID(atSlot: slot)!, labels: Labels(), samples: entry.samples))
                }
            } else if let position = workByNewLabels[entry.labels] {
                works[position].samples += entry.samples
                entryWork.append(position)
            } else {
                workByNewLabels[entry.labels] = works.count
                entryWork.append(works.count)
                works.append(SeriesWork(slot: nil, seriesID: nextID, labels: entry.labels, samples: entry.samples))
                nextID += 1
            }
        }
        return works
    }

    /// Encodes the chunks `planCuts` planned for `works`, spread over up to
    /// `configuration.cutEncodingParallelism` threads when there are enough samples to encode.
    func encodeCuts(_ works: inout [SeriesWork]) {
        let pending = works.indices.filter { !works[$0].cutRuns.isEmpty }
        guard !pending.isEmpty else { return }
        let samples = pending.reduce(0) { $0 + works[$1].samplesToEncode }
        let parts = min(configuration.cutEncodingParallelism, samples / SampleStoreConfiguration.minimumSamplesPerEncodingThread)
        // Each range owns its work items and their series' heads (one work item per slot).
        states.withUnsafeMutableBufferPointer { states in
            works.withUnsafeMutableBufferPointer { works in
                ParallelRanges.run(count: pending.count, parts: parts) { range in
                    var emptyHead = SeriesHead()
                    for position in pending[range] {
                        if let slot = works[position].slot {
                            works[position].encodeCuts(head: &states[Int(slot)]!.head)
                        } else {
                            works[position].encodeCuts(head: &emptyHead)
                        }
                    }
                }
            }
        }
    }

    /// Per batch entry, the reference of the series its work item appended to.
    private static func refs(_ entryWork: [Int], _ works: [SeriesWork]) -> [SeriesRef?] {
        entryWork.map { position in
            guard position >= 0, let slot = works[position].slot else { return nil }
            return SeriesRef(id: works[position].seriesID, slot: slot)
        }
    }

    /// The slot `ref` names, if that series still lives there.
    @inline(__always)
    func liveSlot(of ref: SeriesRef?) -> Int32? {
        guard let ref, ref.slot >= 0, Int(ref.slot) < states.count, seriesID(atSlot: ref.slot) == ref.id else { return nil }
        return ref.slot
    }

    /// The id of the series at `slot`, read in place (`states[slot]?.id` copies the whole state,
    /// retaining its labels and head arrays).
    @inline(__always)
    func seriesID(atSlot slot: Int32) -> Int64? {
        states.withUnsafeBufferPointer { $0[Int(slot)]?.id }
    }

    /// Writes the WAL rows of deferred appends in one transaction, if there are any.
    public func commitDeferred() throws(StorageError) {
        guard deferredWAL != nil else { return }
        try transaction("the output of deferred appends") { _ in }
    }

    /// Runs `body` in a write transaction that first writes the WAL rows of deferred appends;
    /// they are forgotten once committed. `what` names the work in the error; `pages` estimates
    /// the database pages the transaction writes, for the background checkpoint.
    func transaction(_ what: @autoclosure () -> String, pages: Int = 1, _ body: (Database) throws -> Void) throws(StorageError) {
        let deferred = deferredWAL
        defer { database.checkpointer?.committed(pages: pages + (deferred.map { Self.pages($0.record.bytes.count) } ?? 0)) }
        do {
            try database.writer.writeWithoutTransaction { db in
                try db.inWriteTransaction {
                    if let row = deferred {
                        try SampleTables.insertWAL(db, id: row.id, samples: row.record.sampleCount, bytes: row.record.bytes)
                    }
                    try body(db)
                }
            }
        } catch {
            let rows = deferred.map { " (with the deferred WAL row of \($0.record.sampleCount) samples)" } ?? ""
            throw StorageError(.io, "cannot commit \(what())\(rows): \(error)")
        }
        deferredWAL = nil
    }

    /// The database pages a blob of `bytes` fills, and one for its row.
    static func pages(_ bytes: Int) -> Int { 1 + bytes / 4_096 }

    /// Writes new series, the WAL row (if any) and the cut chunks in one transaction.
    func commit(_ works: [SeriesWork], wal: (id: Int64, record: WALRecordWriter)?) throws(StorageError) {
        // A page for each new series and each series with cut chunks: those of a batch lie apart
        // in their tables, the chunks of one series together.
        let pages = works.reduce(0) { $0 + ($1.cuts.isEmpty ? 0 : 1) + ($1.slot == nil ? 1 : 0) } + Self.pages(wal?.record.bytes.count ?? 0)
        try transaction("\(works.reduce(0) { $0 + $1.accepted.count }) samples of \(works.count) series", pages: pages) { db in
            for position in works.indices where works[position].slot == nil && !works[position].accepted.isEmpty {
                try SampleTables.insertSeries(db, id: works[position].seriesID, labels: works[position].labels)
            }
            if let wal {
                try SampleTables.insertWAL(db, id: wal.id, samples: wal.record.sampleCount, bytes: wal.record.bytes)
            }
            for position in works.indices where !works[position].cuts.isEmpty {
                for chunk in works[position].cuts {
                    try SampleTables.insertChunk(db, seriesID: works[position].seriesID, chunk: chunk)
                }
            }
        }
    }

    /// Starts fetching the heads `apply` appends to, before the commit (see
    /// `SeriesHead.prefetchForAppend`): while SQLite commits, the processor brings in the
    /// memory of every series the append then writes.
    func prefetchHeads(_ works: [SeriesWork]) {
        states.withUnsafeMutableBufferPointer { states in
            works.withUnsafeBufferPointer { works in
                for position in works.indices where !works[position].accepted.isEmpty {
                    guard let slot = works[position].slot else { continue }
                    states[Int(slot)]!.head.prefetchForAppend()
                }
            }
        }
    }

    /// Applies committed work to memory, giving new series their slots; returns the number of
    /// series created.
    func apply(_ works: inout [SeriesWork], walRow: Int64) -> Int {
        var created = 0
        for position in works.indices where works[position].slot == nil && !works[position].accepted.isEmpty {
            let slot = insertSeries(SeriesState(id: works[position].seriesID, labels: works[position].labels))
            nextSeriesID = max(nextSeriesID, works[position].seriesID + 1)
            works[position].slot = slot
            created += 1
        }
        // Through a buffer pointer, each state is updated where it lies (an element reached
        // through the array and `!` can be copied out and written back, touching its arrays).
        states.withUnsafeMutableBufferPointer { states in
            for position in works.indices where !works[position].accepted.isEmpty {
                works[position].apply(to: &states[Int(works[position].slot!)]!, walRow: walRow, recentSpan: configuration.recentChunkSpan)
                if let last = works[position].accepted.last, last.t > maxSeenT { maxSeenT = last.t }
            }
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
        selections.forget(seriesWith: series.labels)
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
