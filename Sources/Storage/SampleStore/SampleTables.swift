internal import Foundation
internal import GRDB

/// The SQL of the sample tables (`series`, `chunks`, `sample_wal`, and the retention boundary in
/// `burnrate_meta`), in one place.
enum SampleTables {
    static let minValidTimeKey = "samples.min_valid_time"

    static func insertSeries(_ db: Database, id: Int64, labels: Labels) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO series (id, metric, labels) VALUES (?, ?, ?)")
        try statement.execute(arguments: [id, labels.metricName ?? "", Data(labels.encoded())])
    }

    static func insertWAL(_ db: Database, id: Int64, samples: Int, bytes: [UInt8]) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO sample_wal (id, samples, data) VALUES (?, ?, ?)")
        try statement.execute(arguments: [id, samples, Data(bytes)])
    }

    static func insertChunk(_ db: Database, seriesID: Int64, chunk: CutChunk) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO chunks (series_id, max_t, min_t, count, data, summary) VALUES (?, ?, ?, ?, ?, ?)")
        try statement.execute(arguments: [seriesID, chunk.maxT, chunk.minT, chunk.count, Data(chunk.data), Data(chunk.summary)])
    }

    static func deleteWAL(_ db: Database, before id: Int64) throws {
        try db.cachedStatement(sql: "DELETE FROM sample_wal WHERE id < ?").execute(arguments: [id])
    }

    /// The chunks of a series that may hold samples in `[start, end]`, ascending, read lazily;
    /// `body` gets `min_t`, `max_t` and the row (columns: min_t, max_t, then `columns`).
    static func forEachChunk(
        _ db: Database, seriesID: Int64, start: Int64, end: Int64, columns: String,
        arguments extra: StatementArguments = [], _ body: (Int64, Int64, Row) throws -> Void
    ) throws {
        let statement = try db.cachedStatement(
            sql: "SELECT min_t, max_t, \(columns) FROM chunks WHERE series_id = ?1 AND max_t >= ?2 ORDER BY max_t")
        let cursor = try Row.fetchCursor(statement, arguments: [seriesID, start] + extra)
        while let row = try cursor.next() {
            let minT: Int64 = row[0]
            // Chunks of a series do not overlap, so once one starts after the window, all later do.
            if minT > end { break }
            try body(minT, row[1], row)
        }
    }

    /// The bytes of a blob column.
    static func bytes(_ row: Row, _ index: Int) throws -> [UInt8] {
        try row.withUnsafeData(atIndex: index) { data in data.map { [UInt8]($0) } ?? [] }
    }

    static func decodeChunk(_ bytes: [UInt8], seriesID: Int64) throws(StorageError) -> EncodedChunk {
        do {
            return try EncodedChunk(bytes: bytes)
        } catch {
            throw StorageError(.corrupt, "chunk of series \(seriesID) does not decode: \(error)")
        }
    }

    /// The summary stored beside a chunk of `count` samples from `minT` to `maxT`.
    static func decodeSummary(
        _ bytes: [UInt8], count: Int, minT: Int64, maxT: Int64, seriesID: Int64
    ) throws(StorageError) -> ChunkSummary {
        do {
            return try ChunkSummary(serialized: bytes, sampleCount: count, minT: minT, maxT: maxT)
        } catch {
            throw StorageError(.corrupt, "chunk summary of series \(seriesID) does not decode: \(error)")
        }
    }

    static func readMinValidTime(_ db: Database) throws -> Int64 {
        let text = try String.fetchOne(db, sql: "SELECT value FROM burnrate_meta WHERE key = ?", arguments: [minValidTimeKey])
        return text.flatMap { Int64($0) } ?? .min
    }

    static func writeMinValidTime(_ db: Database, _ t: Int64) throws {
        try db.execute(
            sql: "INSERT INTO burnrate_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [minValidTimeKey, String(t)])
    }
}
