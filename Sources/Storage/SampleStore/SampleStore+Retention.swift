internal import Logging
internal import GRDB

extension SampleStore {
    /// How many series one retention transaction handles before letting appends in.
    private static let retentionBatch = 1_000

    /// Deletes the chunks wholly before `t` (`max_t < t`), heads wholly before it, and the series
    /// left with nothing; from now on samples before `t` are `out of bounds`.
    ///
    /// What a retention service calls periodically with `now - retention`. Cheap when there is
    /// nothing to delete (an in-memory scan of the series); otherwise it works in transactions of
    /// a thousand series, letting appends run between them. The boundary never moves back.
    @discardableResult
    public func deleteBefore(_ t: Int64) async throws(StorageError) -> RetentionReport {
        var report = RetentionReport()
        try commitDeferred()
        if t > minValidTime { try recordMinValidTime(t) }
        let candidates = index.allSlots.compactMap { slot -> (Int32, Int64)? in
            let series = state(slot)
            let oldChunks = series.oldestChunkMaxT.map { $0 < t } ?? false
            let oldHead = series.head.maxT.map { $0 < t } ?? false
            return oldChunks || oldHead ? (slot, series.id) : nil
        }
        var position = 0
        while position < candidates.count {
            let batch = candidates[position..<min(position + Self.retentionBatch, candidates.count)]
            position += batch.count
            try deleteBefore(t, in: batch, report: &report)
            await Task.yield()
        }
        if report.chunksDeleted > 0 || report.seriesDeleted > 0 {
            try releaseFreePages(all: false)
        }
        if report.chunksDeleted > 0 || report.seriesDeleted > 0 || report.headSamplesDropped > 0 {
            logger.info("retention deleted samples", metadata: [
                "before": "\(t)", "chunks": "\(report.chunksDeleted)", "series": "\(report.seriesDeleted)",
                "headSamples": "\(report.headSamplesDropped)",
            ])
        }
        return report
    }

    /// Persists and applies a new retention boundary.
    private func recordMinValidTime(_ t: Int64) throws(StorageError) {
        do {
            try database.writer.write { db in try SampleTables.writeMinValidTime(db, t) }
        } catch {
            throw StorageError(.io, "cannot record the retention boundary \(t): \(error)")
        }
        minValidTime = t
    }

    /// One retention transaction over some series.
    private func deleteBefore(_ t: Int64, in batch: ArraySlice<(Int32, Int64)>, report: inout RetentionReport) throws(StorageError) {
        struct Outcome {
            var slot: Int32
            var oldest: (minT: Int64, maxT: Int64)?
            var deleteSeries: Bool
        }
        // The slots were chosen before an await: keep those still holding the same series.
        let live = batch.filter { slot, id in states[Int(slot)]?.id == id }
        let heads = live.map { slot, _ in state(slot).head.maxT.map { $0 < t } ?? true }
        let outcomes: [Outcome]
        var deleted = 0
        do {
            outcomes = try database.writer.write { db in
                let deleteChunks = try db.cachedStatement(sql: "DELETE FROM chunks WHERE series_id = ? AND max_t < ?")
                let oldest = try db.cachedStatement(
                    sql: "SELECT min_t, max_t FROM chunks WHERE series_id = ? ORDER BY max_t LIMIT 1")
                let deleteSeries = try db.cachedStatement(sql: "DELETE FROM series WHERE id = ?")
                var outcomes: [Outcome] = []
                for ((slot, id), headGone) in zip(live, heads) {
                    try deleteChunks.execute(arguments: [id, t])
                    deleted += db.changesCount
                    let row = try Row.fetchOne(oldest, arguments: [id])
                    let remaining: (Int64, Int64)? = row.map { ($0[0], $0[1]) }
                    let gone = remaining == nil && headGone
                    if gone { try deleteSeries.execute(arguments: [id]) }
                    outcomes.append(Outcome(slot: slot, oldest: remaining, deleteSeries: gone))
                }
                return outcomes
            }
        } catch {
            throw StorageError(.io, "cannot delete chunks before \(t) of \(live.count) series: \(error)")
        }
        report.chunksDeleted += deleted
        for outcome in outcomes {
            let slot = Int(outcome.slot)
            if let headMaxT = states[slot]!.head.maxT, headMaxT < t {
                report.headSamplesDropped += states[slot]!.head.count
                states[slot]!.head.removeAll()
            }
            rollups.trim(states[slot]!.id, oldestMinT: outcome.deleteSeries ? nil : outcome.oldest?.minT)
            chunkRuns.remove(states[slot]!.id)
            stretchFolds.remove(states[slot]!.id)
            if outcome.deleteSeries {
                let series = states[slot]!
                index.remove(series.labels, slot: outcome.slot)
                selections.removeAll()
                slotsByID[series.id] = nil
                states[slot] = nil
                freeSlots.append(outcome.slot)
                report.seriesDeleted += 1
            } else if let oldest = outcome.oldest {
                states[slot]!.chunkMinT = oldest.minT
                states[slot]!.oldestChunkMaxT = oldest.maxT
                states[slot]!.recent.removeChunks(endingBefore: t)
            } else {
                states[slot]!.recent.removeAll()
                states[slot]!.chunkMinT = nil
                states[slot]!.oldestChunkMaxT = nil
                states[slot]!.chunkMaxT = nil
                states[slot]!.chunkLastBits = nil
            }
        }
    }
}
