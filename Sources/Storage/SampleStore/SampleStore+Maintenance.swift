internal import Logging
internal import GRDB

extension SampleStore {
    /// Cuts every non-empty head into a chunk and deletes the WAL rows, so the database alone
    /// holds every sample as chunks; then gives the free pages back and checkpoints SQLite's
    /// write-ahead log into the database file (truncating the `-wal` file when no reader holds
    /// it), so the file alone holds everything.
    ///
    /// Not needed for durability (the WAL is replayed at open); useful before a backup or to
    /// measure the storage size. Chunks cut early are smaller and compress less well.
    public func persistHeads() throws(StorageError) {
        try maintain(cutBefore: .max)
        try releaseFreePages(all: true)
        do {
            if let checkpointer = database.checkpointer {
                // After the background checkpoint, if one is running, on its connection (see
                // `WALCheckpointer.truncate`).
                try checkpointer.truncate()
            } else {
                try database.writer.writeWithoutTransaction { db in
                    _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                }
            }
        } catch {
            throw StorageError(.io, "cannot checkpoint the database: \(error)")
        }
    }

    /// Gives the database's free pages back to the file system (`PRAGMA incremental_vacuum`):
    /// all of them when `all`, else only when over a quarter of the file is free, since the
    /// pages deleted WAL rows and retention free are otherwise soon reused in place.
    ///
    /// A no-op on a database file created before `auto_vacuum = INCREMENTAL` was set.
    func releaseFreePages(all: Bool) throws(StorageError) {
        do {
            try database.writer.writeWithoutTransaction { db in
                if !all {
                    let free = try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
                    let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
                    guard free > 0 && free * 4 > pages else { return }
                }
                try db.execute(sql: "PRAGMA incremental_vacuum")
            }
        } catch {
            throw StorageError(.io, "cannot release free pages: \(error)")
        }
    }

    /// Cuts the heads whose newest sample is before `cutBefore` and that were last appended to
    /// by a WAL row before `appendedBefore` (a series receiving old samples, as a backfill sends
    /// them, is behind, not idle: its head is cut when full), and deletes the WAL rows that hold
    /// no sample still in a head, in one transaction.
    func maintain(cutBefore: Int64, appendedBefore: Int64 = .max) throws(StorageError) {
        appendsSinceMaintenance = 0
        samplesSinceMaintenance = 0
        walRowAtMaintenance = nextWALRowID
        var idle: [Int32] = []
        var samples = 0
        var watermark = nextWALRowID
        // Read in place: copying each state would touch the labels and head of every series.
        states.withUnsafeBufferPointer { states in
            for slot in index.allSlots {
                guard let maxT = states[Int(slot)]!.head.maxT else { continue }
                if maxT < cutBefore && states[Int(slot)]!.head.lastWALRow < appendedBefore {
                    idle.append(slot)
                    samples += states[Int(slot)]!.head.count
                } else {
                    watermark = min(watermark, states[Int(slot)]!.head.firstWALRow)
                }
            }
        }
        // The idle heads are encoded on several threads when there are enough samples, each
        // into its complete chunks (a head given several samples per append keeps some) and the rest.
        var encoded = [[CutChunk]](repeating: [], count: idle.count)
        let parts = min(configuration.cutEncodingParallelism, samples / SampleStoreConfiguration.minimumSamplesPerEncodingThread)
        states.withUnsafeBufferPointer { states in
            encoded.withUnsafeMutableBufferPointer { encoded in
                ParallelRanges.run(count: idle.count, parts: parts) { range in
                    for position in range {
                        let slot = Int(idle[position])
                        let head = states[slot]!.head
                        encoded[position] = head.chunkRuns.map { run in CutChunk(count: run.count) { head[run.lowerBound + $0] } }
                    }
                }
            }
        }
        let cuts = idle.indices.map { (slot: idle[$0], id: seriesID(atSlot: idle[$0])!, chunks: encoded[$0]) }
        let trim = watermark > walTrimmedBefore
        guard !cuts.isEmpty || trim else { return }
        try transaction("\(cuts.count) idle heads cut and the WAL trimmed before row \(watermark)", pages: cuts.count + 1) { db in
            for cut in cuts {
                for chunk in cut.chunks { try SampleTables.insertChunk(db, seriesID: cut.id, chunk: chunk) }
            }
            if trim { try SampleTables.deleteWAL(db, before: watermark) }
        }
        for cut in cuts {
            states[Int(cut.slot)]!.head.removeAll()
            states[Int(cut.slot)]!.recordCuts(cut.chunks, recentSpan: configuration.recentChunkSpan)
        }
        if trim {
            walTrimmedBefore = watermark
            try releaseFreePages(all: false)
        }
        logger.debug("sample store maintenance", metadata: ["cutHeads": "\(cuts.count)", "walTrimmedBefore": "\(walTrimmedBefore)"])
    }
}
