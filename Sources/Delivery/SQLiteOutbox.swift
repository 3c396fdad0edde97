internal import Foundation
internal import GRDB
public import Storage

/// The outbox of the service: tables `notification_outbox` and `notification_log` of the
/// Burnrate database, so that nothing decided is lost and nothing delivered is sent again across
/// a restart or a `kill -9`. Every method that changes state is one transaction.
public struct SQLiteOutbox: OutboxQueue {
    private let database: BurnrateDatabase

    public let signal: OutboxSignal

    /// An outbox over `database` (migrated: it has the tables).
    public init(database: BurnrateDatabase, signal: OutboxSignal = OutboxSignal()) {
        self.database = database
        self.signal = signal
    }

    /// See `Outbox.enqueue(_:log:)`: one transaction. A message whose id is already in the
    /// outbox (a replayed decision) is left as it is, so enqueueing is idempotent.
    public func enqueue(_ messages: [OutboxMessage], log: [NotificationLogEntry]) async throws(OutboxError) {
        try await write("enqueue \(messages.count) messages and \(log.count) log entries") { db in
            for message in messages {
                try db.execute(
                    sql: """
                        INSERT INTO notification_outbox (id, receiver, integration, group_key, body, created_at, state, next_attempt_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)
                        ON CONFLICT (id) DO NOTHING
                        """,
                    arguments: [
                        message.id, message.receiver, message.integration, message.groupKey, Data(message.body), message.createdAt,
                        message.createdAt,
                    ])
            }
            for entry in log {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO notification_log (key, payload, expires_at) VALUES (?, ?, ?)",
                    arguments: [entry.key, Data(entry.payload), entry.expiresAt])
            }
        }
        signal.raise()
    }

    /// See `Outbox.logEntries(now:)`.
    public func logEntries(now: Int64) async throws(OutboxError) -> [NotificationLogEntry] {
        try await read("read the notification log") { db in
            try Row.fetchAll(
                db, sql: "SELECT key, payload, expires_at FROM notification_log WHERE expires_at > ? ORDER BY key", arguments: [now]
            ).map { row in
                NotificationLogEntry(key: row["key"], payload: [UInt8](row["payload"] as Data), expiresAt: row["expires_at"])
            }
        }
    }

    /// See `OutboxQueue.due(now:limit:)`.
    public func due(now: Int64, limit: Int) async throws(OutboxError) -> [OutboxRecord] {
        try await read("read due messages") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT o.* FROM notification_outbox AS o
                    JOIN (\(Self.headsQuery)) AS h ON o.sequence = h.head
                    WHERE o.next_attempt_at <= ?
                    ORDER BY o.next_attempt_at, o.sequence
                    LIMIT ?
                    """,
                arguments: [now, limit]
            ).map(Self.decode)
        }
    }

    /// See `OutboxQueue.nextDueTime(after:)`.
    public func nextDueTime(after: Int64) async throws(OutboxError) -> Int64? {
        try await read("read the next due time") { db in
            try Int64.fetchOne(
                db,
                sql: """
                    SELECT MIN(o.next_attempt_at) FROM notification_outbox AS o
                    JOIN (\(Self.headsQuery)) AS h ON o.sequence = h.head
                    WHERE o.next_attempt_at > ?
                    """,
                arguments: [after])
        }
    }

    /// See `OutboxQueue.record(_:id:at:)`: one transaction.
    public func record(_ outcome: DeliveryOutcome, id: String, at time: Int64) async throws(OutboxError) {
        let changed = try await write("record the outcome of \(id)") { db -> Int in
            switch outcome {
            case .delivered(let status):
                try db.execute(
                    sql: """
                        UPDATE notification_outbox SET state = 'delivered', attempts = attempts + 1, last_attempt_at = ?,
                            last_status = ?, last_error = NULL, delivered_at = ?
                        WHERE id = ? AND state = 'pending'
                        """,
                    arguments: [time, status, time, id])
            case .retry(let next, let status, let error):
                try db.execute(
                    sql: """
                        UPDATE notification_outbox SET attempts = attempts + 1, last_attempt_at = ?, last_status = ?,
                            last_error = ?, next_attempt_at = ?
                        WHERE id = ? AND state = 'pending'
                        """,
                    arguments: [time, status, error, next, id])
            case .dead(let status, let error):
                try db.execute(
                    sql: """
                        UPDATE notification_outbox SET state = 'dead', attempts = attempts + 1, last_attempt_at = ?,
                            last_status = ?, last_error = ?
                        WHERE id = ? AND state = 'pending'
                        """,
                    arguments: [time, status, error, id])
            }
            return db.changesCount
        }
        if changed != 1 { throw OutboxError("message \(id) is not pending") }
    }

    /// See `OutboxQueue.records(in:limit:)`.
    public func records(in state: OutboxState, limit: Int) async throws(OutboxError) -> [OutboxRecord] {
        try await read("read \(state.rawValue) messages") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM notification_outbox WHERE state = ?
                    ORDER BY last_attempt_at DESC, sequence DESC LIMIT ?
                    """,
                arguments: [state.rawValue, limit]
            ).map(Self.decode)
        }
    }

    /// See `OutboxQueue.record(id:)`.
    public func record(id: String) async throws(OutboxError) -> OutboxRecord? {
        try await read("read message \(id)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM notification_outbox WHERE id = ?", arguments: [id]).map(Self.decode)
        }
    }

    /// See `OutboxQueue.counts()`.
    public func counts() async throws(OutboxError) -> OutboxCounts {
        try await read("count messages") { db in
            var counts = OutboxCounts()
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM notification_outbox GROUP BY state") {
                if let state = OutboxState(rawValue: row["state"]) { counts[state] = row["n"] }
            }
            return counts
        }
    }

    /// See `OutboxQueue.prune(deliveredBefore:deadBefore:now:)`: one transaction.
    public func prune(deliveredBefore: Int64, deadBefore: Int64, now: Int64) async throws(OutboxError) -> Int {
        try await write("prune the outbox") { db -> Int in
            try db.execute(
                sql: "DELETE FROM notification_outbox WHERE state = 'delivered' AND last_attempt_at < ?", arguments: [deliveredBefore])
            var deleted = db.changesCount
            try db.execute(sql: "DELETE FROM notification_outbox WHERE state = 'dead' AND last_attempt_at < ?", arguments: [deadBefore])
            deleted += db.changesCount
            try db.execute(sql: "DELETE FROM notification_log WHERE expires_at <= ?", arguments: [now])
            return deleted
        }
    }

    /// The sequence of the oldest pending message of each integration and group (served by the
    /// partial index `notification_outbox_pending`).
    private static let headsQuery = """
        SELECT MIN(sequence) AS head FROM notification_outbox WHERE state = 'pending'
        GROUP BY receiver, integration, group_key
        """

    private static func decode(_ row: Row) -> OutboxRecord {
        let message = OutboxMessage(
            id: row["id"], receiver: row["receiver"], integration: row["integration"], groupKey: row["group_key"],
            body: [UInt8](row["body"] as Data), createdAt: row["created_at"])
        return OutboxRecord(
            message: message, sequence: row["sequence"], state: OutboxState(rawValue: row["state"]) ?? .pending,
            attempts: row["attempts"], nextAttemptAt: row["next_attempt_at"], lastAttemptAt: row["last_attempt_at"],
            lastStatus: row["last_status"], lastError: row["last_error"], deliveredAt: row["delivered_at"])
    }

    private func read<T: Sendable>(_ what: String, _ body: @escaping @Sendable (Database) throws -> T) async throws(OutboxError) -> T {
        do {
            return try await database.writer.read(body)
        } catch {
            throw OutboxError("cannot \(what): \(error)")
        }
    }

    private func write<T: Sendable>(_ what: String, _ body: @escaping @Sendable (Database) throws -> T) async throws(OutboxError) -> T {
        do {
            return try await database.writer.write(body)
        } catch {
            throw OutboxError("cannot \(what): \(error)")
        }
    }
}
