import Delivery
import Foundation
import GRDB
import Logging
import Storage
import Testing

@Suite struct SQLiteOutboxTests {
    typealias F = DeliveryFixtures

    /// Makes inserting `poison` fail inside SQLite, in the middle of an enqueue.
    private func poison(_ database: BurnrateDatabase) throws {
        try database.writer.write { db in
            try db.execute(sql: """
                CREATE TRIGGER poison_log BEFORE INSERT ON notification_log WHEN NEW.key = 'poison'
                BEGIN SELECT RAISE(ABORT, 'poisoned log entry'); END
                """)
            try db.execute(sql: """
                CREATE TRIGGER poison_message BEFORE INSERT ON notification_outbox WHEN NEW.id = 'poison'
                BEGIN SELECT RAISE(ABORT, 'poisoned message'); END
                """)
        }
    }

    @Test func enqueueIsAllOrNothing() async throws {
        let database = try BurnrateDatabase.inMemory()
        try poison(database)
        let outbox = SQLiteOutbox(database: database)
        let entry = NotificationLogEntry(key: "k1", payload: [1], expiresAt: F.start + 1000)

        // A failing log entry after the messages: no message stays.
        await #expect(throws: OutboxError.self) {
            try await outbox.enqueue(
                [F.message("m1"), F.message("m2", group: "h")],
                log: [entry, NotificationLogEntry(key: "poison", payload: [], expiresAt: F.start + 1000)])
        }
        // A failing message after others: no message and no log entry stays.
        await #expect(throws: OutboxError.self) {
            try await outbox.enqueue([F.message("m3"), F.message("poison", group: "p")], log: [entry])
        }
        #expect(try await outbox.counts() == OutboxCounts())
        #expect(try await outbox.logEntries(now: 0).isEmpty)

        try await outbox.enqueue([F.message("m1")], log: [entry])
        #expect(try await outbox.counts() == OutboxCounts(pending: 1))
        #expect(try await outbox.logEntries(now: 0) == [entry])
    }

    @Test func aReopenedDatabaseContinuesPendingMessagesAndNeverResendsDeliveredOnes() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("delivery-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("burnrate.sqlite").path
        let logger = Logger(label: "test")
        let messages = (1...3).map { F.message("a\($0)", group: "a") } + (1...2).map { F.message("b\($0)", group: "b") }
        let log = [NotificationLogEntry(key: "team/webhook/0/a", payload: Array("sent a1..a3".utf8), expiresAt: F.start + 86_400_000)]

        do {
            let outbox = SQLiteOutbox(database: try BurnrateDatabase.open(path: path, logger: logger))
            try await outbox.enqueue(messages, log: log)
            // The first run delivers a1 and b1, fails a2 once, then stops.
            let transport = FakeTransport { request, _ in
                request.header("webhook-id") == "a2" ? .status(500) : .status(200)
            }
            let deliverer = WebhookDeliverer(
                outbox: outbox, transport: transport, endpoints: F.endpoints(), configuration: DeliveryConfiguration(retryPolicy: F.policy),
                now: { F.start }, jitter: { 0 }, logger: logger)
            #expect(try await deliverer.deliverDue() == F.start + 500)
            let ids = await transport.ids
            #expect(ids.filter { $0.hasPrefix("a") } == ["a1", "a2"])
            #expect(ids.filter { $0.hasPrefix("b") } == ["b1", "b2"])
        }

        let reopened = SQLiteOutbox(database: try BurnrateDatabase.open(path: path, logger: logger))
        #expect(try await reopened.logEntries(now: F.start) == log)
        #expect(try await reopened.counts() == OutboxCounts(pending: 2, delivered: 3, dead: 0))
        #expect(try await reopened.record(id: "a2")?.attempts == 1)
        let transport = FakeTransport()
        let deliverer = WebhookDeliverer(
            outbox: reopened, transport: transport, endpoints: F.endpoints(), configuration: DeliveryConfiguration(retryPolicy: F.policy),
            now: { F.start + 500 }, logger: logger)
        #expect(try await deliverer.deliverDue() == nil)
        // The same ids, in group order, and nothing delivered before.
        #expect(await transport.ids == ["a2", "a3"])
        #expect(try await reopened.counts() == OutboxCounts(pending: 0, delivered: 5, dead: 0))
        #expect(try await reopened.record(id: "a2")?.attempts == 2)
    }

    @Test func theSchemaIsMigration_v5_outbox() throws {
        let database = try BurnrateDatabase.inMemory()
        #expect(try database.appliedMigrations().contains("v5-outbox"))
        let tables = try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'notification_%' ORDER BY name")
        }
        #expect(tables == ["notification_log", "notification_outbox"])
    }
}
