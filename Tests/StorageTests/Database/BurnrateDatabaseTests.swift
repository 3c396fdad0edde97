import Foundation
import Logging
import Storage
import Testing

@Suite struct BurnrateDatabaseTests {
    private func temporaryPath() -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("burnrate-db-\(UUID().uuidString)")
        return directory.appendingPathComponent("nested/burnrate.sqlite").path
    }

    @Test func opensInWALModeAndCreatesParentDirectory() throws {
        let path = temporaryPath()
        let database = try BurnrateDatabase.open(path: path, logger: Logger(label: "test"))
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try database.journalMode() == "wal")
        #expect(try database.appliedMigrations() == BurnrateDatabase.knownMigrations)
    }

    @Test func reopeningAppliesNothingTwice() throws {
        let path = temporaryPath()
        _ = try BurnrateDatabase.open(path: path, logger: Logger(label: "test"))
        let again = try BurnrateDatabase.open(path: path, logger: Logger(label: "test"))
        #expect(try again.appliedMigrations() == BurnrateDatabase.knownMigrations)
    }

    @Test func aFileThatIsNotSQLiteIsACleanError() throws {
        let path = temporaryPath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("this is not a database, it is plain text that is long enough to fill a header".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try BurnrateDatabase.open(path: path, logger: Logger(label: "test"))
        } throws: { error in
            guard let error = error as? StorageError else { return false }
            return error.code == .cannotOpen || error.code == .migration
        }
    }

    @Test func migrationsStartWithTheFirstSchema() {
        #expect(BurnrateDatabase.knownMigrations.first == "v1-metadata")
    }

    @Test func inMemoryHasTheSchema() throws {
        let database = try BurnrateDatabase.inMemory()
        #expect(try database.appliedMigrations() == BurnrateDatabase.knownMigrations)
    }
}
