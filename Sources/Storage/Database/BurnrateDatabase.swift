public import GRDB
internal import Foundation
public import Logging

/// The one SQLite database of a Burnrate process (WAL mode), opened with its schema migrated.
///
/// Every stateful module (samples, alert state, notifications, incidents) keeps its tables here,
/// so that one file holds everything a restart needs. One pool per file for the whole process,
/// as GRDB recommends.
public final class BurnrateDatabase: Sendable {
    /// The connection pool: one writer, concurrent readers.
    public let writer: any DatabaseWriter
    /// The database file's path, or `:memory:`.
    public let path: String
    /// Checkpoints the log in the background for a file database (see ``WALCheckpointer``).
    let checkpointer: WALCheckpointer?

    private init(writer: any DatabaseWriter, path: String, checkpointer: WALCheckpointer? = nil) {
        self.writer = writer
        self.path = path
        self.checkpointer = checkpointer
    }

    /// The page cache of the writer connection, in KiB (SQLite's default is 2,000).
    ///
    /// An append that cuts chunks writes one row into the last leaf page of each of those
    /// series, thousands of pages apart; with the default cache those pages were evicted between
    /// two cuts of a series, read back from the file at the next, and spilled to the log in the
    /// middle of the transaction. 8 MiB holds the last leaf pages of a few thousand series: in a
    /// 30-day backfill of 2,000 series it read 24 bytes per sample where 2 MB read 95 and 16 MiB
    /// 21. The cache fills up as pages are written (each append's WAL row is new pages), so it
    /// adds its size to the process' memory; 32 MiB added 30 MiB of RSS in `scripts/bench-ingest`.
    static let writerCacheKiB = 8_192

    /// The log checkpoints run in the background so far (0 for an in-memory database).
    public var backgroundCheckpoints: Int { checkpointer?.checkpoints ?? 0 }

    /// Opens (creating if needed, with its parent directory) the database at `path` in WAL mode
    /// and applies the migrations it lacks.
    public static func open(path: String, logger: Logger) throws(StorageError) -> BurnrateDatabase {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw StorageError(.cannotOpen, "cannot create directory \(directory): \(error.localizedDescription)")
            }
        }
        var configuration = Configuration()
        configuration.label = "burnrate"
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Lets `PRAGMA incremental_vacuum` give free pages back. SQLite applies it only to a
            // new file, before WAL mode and the first table; an existing file keeps its mode
            // (converting it would take a full VACUUM) and incremental_vacuum is a no-op there.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL") }
        }
        let pool: DatabasePool
        let checkpointer: WALCheckpointer
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // The log is checkpointed in the background; the writer's own checkpoint only when
            // that falls far behind. The writer keeps more pages than SQLite's default 2 MiB
            // (see `writerCacheKiB`).
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(WALCheckpointer.backstopPages)")
                try db.execute(sql: "PRAGMA cache_size = -\(Self.writerCacheKiB)")
            }
            checkpointer = try WALCheckpointer(path: path)
        } catch {
            throw StorageError(.cannotOpen, "cannot open database \(path): \(error)")
        }
        let database = BurnrateDatabase(writer: pool, path: path, checkpointer: checkpointer)
        try database.migrate(logger: logger)
        return database
    }

    /// An in-memory database with the full schema, for tests.
    public static func inMemory() throws(StorageError) -> BurnrateDatabase {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue()
        } catch {
            throw StorageError(.cannotOpen, "cannot open in-memory database: \(error)")
        }
        let database = BurnrateDatabase(writer: queue, path: ":memory:")
        try database.migrate(logger: Logger(label: "burnrate.storage"))
        return database
    }

    /// The identifiers of every migration this version knows, in order.
    public static var knownMigrations: [String] { Migrations.migrator.migrations }

    /// The identifiers of the migrations applied to this database, in order.
    public func appliedMigrations() throws(StorageError) -> [String] {
        do {
            return try writer.read { db in try Migrations.migrator.appliedMigrations(db) }
        } catch {
            throw StorageError(.io, "cannot read migrations: \(error)")
        }
    }

    /// The journal mode in force (`wal` for a file database).
    public func journalMode() throws(StorageError) -> String {
        do {
            return try writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
        } catch {
            throw StorageError(.io, "cannot read journal mode: \(error)")
        }
    }

    private func migrate(logger: Logger) throws(StorageError) {
        do {
            let before = try writer.read { db in try Migrations.migrator.appliedIdentifiers(db) }
            try Migrations.migrator.migrate(writer)
            let applied = Migrations.migrator.migrations.filter { !before.contains($0) }
            if !applied.isEmpty {
                logger.info("database migrated", metadata: ["path": "\(path)", "applied": "\(applied.joined(separator: ","))"])
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StorageError(.cannotOpen, "\(path) is not a SQLite database")
        } catch {
            throw StorageError(.migration, "cannot migrate database \(path): \(error)")
        }
    }
}
