extension SampleStore {
    /// Appends output the store's own evaluation computed (rule output: one sample per series,
    /// usually a new one of an existing series) with its commit deferred, as `append(_:deferringCommit:)` with
    /// `.acceptValid` does, with the same result.
    ///
    /// Each entry in order whose sample is of a series the store has, newer than the
    /// series' newest sample, inside retention, and that fits in the series' head without a cut
    /// goes to the head and the deferred WAL row directly: no work items, tables or report. At
    /// the first entry that does not, the rest of the batch takes `append(_:deferringCommit:)`.
    ///
    /// `refs`, one per entry (or empty: none known), are the series' references from an earlier
    /// append: a live one spares the label lookup. After the append each holds its series'
    /// reference (nil for an entry whose samples were all refused and whose series does not exist).
    public func appendDeferred(_ series: [LabeledSample], refs: inout [SeriesRef?]) throws(StorageError) {
        if refs.count != series.count { refs = Array(repeating: nil, count: series.count) }
        var position = series.startIndex
        let (samplesPerChunk, maxSpan, minValidTime) = (configuration.samplesPerChunk, configuration.maxChunkSpan, self.minValidTime)
        var appended = 0
        states.withUnsafeMutableBufferPointer { states in
            while position < series.endIndex {
                let entry = series[position]
                // A live reference (its slot holds the series of its id), else the labels. The
                // state is changed in place: a copy would retain its labels, head and chunks.
                let walRow = deferredWAL?.id ?? nextWALRowID
                var outcome: SeriesState.UncutAppend?
                var slot: Int32?
                if let ref = refs[position], ref.slot >= 0, Int(ref.slot) < states.count {
                    outcome = states[Int(ref.slot)]?.appendWithoutCut(
                        entry.sample, expectedID: ref.id, walRow: walRow, minValidTime: minValidTime,
                        samplesPerChunk: samplesPerChunk, maxSpan: maxSpan)
                    slot = ref.slot
                }
                if outcome == nil || outcome == .otherSeries {
                    guard let found = index.slot(of: entry.labels) else { break }
                    outcome = states[Int(found)]?.appendWithoutCut(
                        entry.sample, expectedID: nil, walRow: walRow, minValidTime: minValidTime,
                        samplesPerChunk: samplesPerChunk, maxSpan: maxSpan)
                    slot = found
                }
                guard case .appended(let id)? = outcome, let slot else { break }
                if deferredWAL == nil {
                    deferredWAL = (nextWALRowID, WALRecordWriter(expectedSamples: series.count - position))
                    nextWALRowID += 1
                }
                let sample = entry.sample
                deferredWAL!.record.beginSeries(id: id, count: 1)
                deferredWAL!.record.append(t: sample.t, v: sample.v)
                if sample.t > maxSeenT { maxSeenT = sample.t }
                refs[position] = SeriesRef(id: id, slot: slot)
                appended += 1
                position += 1
            }
        }
        if appended > 0 {
            appendsSinceMaintenance += 1
            samplesSinceMaintenance += appended
        }
        if position < series.endIndex {
            var batch = AppendBatch(policy: .acceptValid)
            for rest in position..<series.endIndex { batch.append(series[rest].labels, [series[rest].sample], ref: refs[rest]) }
            let report = try append(batch, deferringCommit: true)
            for (offset, ref) in report.seriesRefs.enumerated() where offset < series.count - position { refs[position + offset] = ref }
        } else if appended > 0 {
            maintainIfDue()
        }
    }
}
