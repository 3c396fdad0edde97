internal import Foundation
internal import GRDB
public import Storage
internal import Rules

/// The `SilenceStore` of the service: the `silences` table of the Burnrate database (migration
/// `v4-silences`), each change one committed transaction.
public struct SQLiteSilenceStore: SilenceStore {
    private let database: BurnrateDatabase

    /// A store over `database`.
    public init(database: BurnrateDatabase) {
        self.database = database
    }

    private struct StoredMatcher: Codable {
        var name: String
        var op: String
        var value: String
    }

    /// See `SilenceStore.silences()`.
    public func silences() async throws(SilenceStoreError) -> [Silence] {
        let rows: [Row]
        do {
            rows = try database.writer.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM silences ORDER BY id")
            }
        } catch {
            throw SilenceStoreError("cannot read silences: \(error)")
        }
        var result: [Silence] = []
        for row in rows {
            let id: String = row["id"]
            let text: String = row["matchers"]
            guard let stored = try? JSONDecoder().decode([StoredMatcher].self, from: Data(text.utf8)) else {
                throw SilenceStoreError("silence \(id) is corrupt: unreadable matchers")
            }
            var matchers: [AlertMatcher] = []
            for matcher in stored {
                guard let op = AlertMatcher.Operator(rawValue: matcher.op),
                      let parsed = try? AlertMatcher(name: matcher.name, op: op, value: matcher.value)
                else {
                    throw SilenceStoreError("silence \(id) is corrupt: invalid matcher \(matcher.name)")
                }
                matchers.append(parsed)
            }
            result.append(Silence(
                id: id, matchers: matchers, startsAt: row["starts_at"], endsAt: row["ends_at"], createdBy: row["created_by"],
                comment: row["comment"], updatedAt: row["updated_at"]))
        }
        return result
    }

    /// See `SilenceStore.save(_:)`.
    public func save(_ silence: Silence) async throws(SilenceStoreError) {
        let stored = silence.matchers.map { StoredMatcher(name: $0.name, op: $0.op.rawValue, value: $0.value) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let matchers = (try? encoder.encode(stored)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        do {
            try await database.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO silences (id, matchers, starts_at, ends_at, created_by, comment, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [silence.id, matchers, silence.startsAt, silence.endsAt, silence.createdBy, silence.comment, silence.updatedAt])
            }
        } catch {
            throw SilenceStoreError("cannot save silence \(silence.id): \(error)")
        }
    }

    /// See `SilenceStore.deleteExpired(before:)`.
    public func deleteExpired(before time: Int64) async throws(SilenceStoreError) -> Int {
        do {
            return try await database.writer.write { db in
                try db.execute(sql: "DELETE FROM silences WHERE ends_at < ?", arguments: [time])
                return db.changesCount
            }
        } catch {
            throw SilenceStoreError("cannot delete expired silences: \(error)")
        }
    }
}
