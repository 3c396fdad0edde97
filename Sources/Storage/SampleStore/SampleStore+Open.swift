internal import Logging
internal import Foundation
internal import GRDB

extension SampleStore {
    /// What `load` reads in one go.
    private struct Loaded {
        var series: [SeriesState] = []
        var minValidTime: Int64 = .min
        var nextSeriesID: Int64 = 1
        var walRows: [Int64] = []
    }

    /// Loads the series and their chunk bounds, then replays the WAL into the heads.
    func load() throws(StorageError) {
        let loaded: Loaded
        do {
            loaded = try database.writer.read { db in
                var loaded = Loaded()
                loaded.minValidTime = try SampleTables.readMinValidTime(db)
                let oldest = try db.cachedStatement(
                    sql: "SELECT min_t, max_t FROM chunks WHERE series_id = ? ORDER BY max_t LIMIT 1")
                let newest = try db.cachedStatement(
                    sql: "SELECT max_t FROM chunks WHERE series_id = ? ORDER BY max_t DESC LIMIT 1")
                let rows = try Row.fetchCursor(db, sql: "SELECT id, labels FROM series ORDER BY id")
                while let row = try rows.next() {
                    let id: Int64 = row[0]
                    var series = SeriesState(id: id, labels: try Labels(encoded: SampleTables.bytes(row, 1)))
                    if let first = try Row.fetchOne(oldest, arguments: [id]) {
                        series.chunkMinT = first[0]
                        series.oldestChunkMaxT = first[1]
                        series.chunkMaxT = try Int64.fetchOne(newest, arguments: [id])
                    }
                    loaded.series.append(series)
                }
                let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'series'") ?? 0
                loaded.nextSeriesID = max(sequence, loaded.series.last?.id ?? 0) + 1
                loaded.walRows = try Int64.fetchAll(db, sql: "SELECT id FROM sample_wal ORDER BY id")
                return loaded
            }
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError(.io, "cannot load the series of \(database.path): \(error)")
        }
        minValidTime = loaded.minValidTime
        nextSeriesID = loaded.nextSeriesID
        for series in loaded.series {
            _ = insertSeries(series)
            if let chunkMaxT = series.chunkMaxT, chunkMaxT > maxSeenT { maxSeenT = chunkMaxT }
        }
        nextWALRowID = (loaded.walRows.last ?? 0) + 1
        walTrimmedBefore = loaded.walRows.first ?? nextWALRowID
        let replayed = try replay(loaded.walRows)
        try maintain(cutBefore: maxSeenT.subtractingSaturated(configuration.idleHeadCutAfter))
        logger.info("sample store opened", metadata: [
            "path": "\(database.path)", "series": "\(index.count)", "walRows": "\(loaded.walRows.count)",
            "replayedSamples": "\(replayed)",
        ])
    }

    /// Replays WAL rows in order into the heads, cutting chunks as appends do; returns the
    /// number of samples put back into heads.
    ///
    /// Samples already in a chunk (at or before the series' newest chunk), of series deleted by
    /// retention, or before the retention boundary are skipped. A row that does not decode is
    /// logged and skipped.
    /// The entries of a WAL row with one entry per series, in the order of each series' first
    /// entry: a row of deferred appends holds a series once per append that wrote it.
    static func bySeries(_ entries: [WALRecordReader.Entry]) -> [WALRecordReader.Entry] {
        var positions: [Int64: Int] = [:]
        var merged: [WALRecordReader.Entry] = []
        merged.reserveCapacity(entries.count)
        for entry in entries {
            if let position = positions[entry.seriesID] {
                merged[position].samples += entry.samples
            } else {
                positions[entry.seriesID] = merged.count
                merged.append(entry)
            }
        }
        return merged
    }

    private func replay(_ rows: [Int64]) throws(StorageError) -> Int {
        var replayed = 0
        for row in rows {
            let bytes: [UInt8]
            do {
                bytes = try database.writer.read { db in
                    let data = try Data.fetchOne(db, sql: "SELECT data FROM sample_wal WHERE id = ?", arguments: [row])
                    return data.map { [UInt8]($0) } ?? []
                }
            } catch {
                throw StorageError(.io, "cannot read WAL row \(row): \(error)")
            }
            let entries: [WALRecordReader.Entry]
            do {
                entries = try WALRecordReader.decode(bytes)
            } catch {
                logger.error("skipping a WAL row that does not decode", metadata: ["row": "\(row)", "error": "\(error)"])
                continue
            }
            var works: [SeriesWork] = []
            var report = AppendReport()
            for entry in Self.bySeries(entries) {
                guard let slot = slotsByID[entry.seriesID] else { continue }
                let series = state(slot)
                let persisted = series.chunkMaxT ?? .min
                let fresh = entry.samples.filter { $0.t > persisted }
                guard !fresh.isEmpty else { continue }
                var work = SeriesWork(slot: slot, seriesID: series.id, labels: series.labels, samples: fresh[...])
                var state: SeriesState? = series
                work.classify(state: &state, minValidTime: minValidTime, report: &report, limit: 0)
                work.deferred.removeAll()
                var head = series.head
                work.planCuts(head: &head, samplesPerChunk: configuration.samplesPerChunk, maxSpan: configuration.maxChunkSpan)
                if !work.accepted.isEmpty { works.append(work) }
            }
            // The chunks a replayed head fills are encoded and written before the head drops
            // their samples (the WAL rows holding them are deleted once no head needs them).
            encodeCuts(&works)
            if works.contains(where: { !$0.cuts.isEmpty }) { try commit(works, wal: nil) }
            _ = apply(&works, walRow: row)
            replayed += report.accepted
        }
        return replayed
    }
}
