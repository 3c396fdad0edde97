import Foundation
import GRDB
import Logging
@testable import Storage
import Testing

/// The writer connection of a file database keeps a page cache large enough for the leaf pages
/// that chunk cuts write, and checkpoints the log itself only far beyond the background
/// checkpointer's threshold (`WALCheckpointer`).
@Suite struct BurnrateDatabaseWriterTests {
    private static func open() throws -> BurnrateDatabase {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("burnrate-writer-\(UUID().uuidString)")
        return try BurnrateDatabase.open(path: directory.appendingPathComponent("burnrate.sqlite").path, logger: Logger(label: "test"))
    }

    @Test func theWriterKeepsALargerPageCache() throws {
        let database = try Self.open()
        let cacheSize = try database.writer.write { db in try Int.fetchOne(db, sql: "PRAGMA cache_size") }
        // Negative: a size in KiB.
        #expect(cacheSize == -BurnrateDatabase.writerCacheKiB)
        #expect(BurnrateDatabase.writerCacheKiB > 2_000, "more than SQLite's default")
    }

    @Test func theWriterCheckpointsOnlyFarBeyondTheBackgroundThreshold() throws {
        let database = try Self.open()
        let autocheckpoint = try database.writer.write { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
        #expect(autocheckpoint == WALCheckpointer.backstopPages)
        #expect(WALCheckpointer.backstopPages >= 4 * WALCheckpointer.thresholdPages)
    }
}
