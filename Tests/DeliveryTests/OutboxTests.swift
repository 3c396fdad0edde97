import Delivery
import Testing

@Suite struct OutboxTests {
    typealias F = DeliveryFixtures

    @Test(arguments: OutboxKind.allCases)
    func onlyTheOldestPendingMessageOfAGroupIsDue(kind: OutboxKind) async throws {
        let outbox = try kind.make()
        try await outbox.enqueue([F.message("a1", group: "a"), F.message("b1", group: "b"), F.message("a2", group: "a")], log: [])
        try await outbox.enqueue([F.message("a3", group: "a"), F.message("c1", group: "c", integration: "webhook/1")], log: [])
        #expect(try await outbox.due(now: F.start, limit: 10).map(\.message.id) == ["a1", "b1", "c1"])
        #expect(try await outbox.due(now: F.start, limit: 2).map(\.message.id) == ["a1", "b1"])
        // Not due before its time.
        #expect(try await outbox.due(now: F.start - 1, limit: 10).isEmpty)

        try await outbox.record(.delivered(status: 200), id: "a1", at: F.start + 5)
        #expect(try await outbox.due(now: F.start + 5, limit: 10).map(\.message.id) == ["b1", "a2", "c1"])
        // A retried head still blocks its group.
        try await outbox.record(.retry(at: F.start + 1000, status: 503, error: "HTTP 503"), id: "a2", at: F.start + 6)
        #expect(try await outbox.due(now: F.start + 6, limit: 10).map(\.message.id) == ["b1", "c1"])
        #expect(try await outbox.nextDueTime() == F.start)
        try await outbox.record(.delivered(status: 204), id: "b1", at: F.start + 7)
        try await outbox.record(.dead(status: 400, error: "HTTP 400"), id: "c1", at: F.start + 8)
        #expect(try await outbox.nextDueTime() == F.start + 1000)
        #expect(try await outbox.due(now: F.start + 1000, limit: 10).map(\.message.id) == ["a2"])
        // A dead head no longer blocks its group.
        try await outbox.record(.dead(status: 410, error: "HTTP 410"), id: "a2", at: F.start + 1001)
        #expect(try await outbox.due(now: F.start + 1001, limit: 10).map(\.message.id) == ["a3"])
    }

    @Test(arguments: OutboxKind.allCases)
    func recordsOutcomesAndCounts(kind: OutboxKind) async throws {
        let outbox = try kind.make()
        let message = F.message("m1")
        try await outbox.enqueue([message, F.message("m2", group: "h"), F.message("m3", group: "i")], log: [])
        try await outbox.record(.retry(at: F.start + 2000, status: nil, error: "connection refused"), id: "m1", at: F.start + 10)
        var record = try #require(try await outbox.record(id: "m1"))
        #expect(record.message == message)
        #expect(record.state == .pending)
        #expect(record.attempts == 1)
        #expect(record.nextAttemptAt == F.start + 2000)
        #expect(record.lastError == "connection refused")
        #expect(record.lastStatus == nil)
        try await outbox.record(.delivered(status: 202), id: "m1", at: F.start + 2100)
        record = try #require(try await outbox.record(id: "m1"))
        #expect(record.state == .delivered)
        #expect(record.attempts == 2)
        #expect(record.deliveredAt == F.start + 2100)
        #expect(record.lastStatus == 202)
        #expect(record.lastError == nil)
        // A delivered message takes no further outcome.
        await #expect(throws: OutboxError.self) { try await outbox.record(.delivered(status: 200), id: "m1", at: F.start + 3000) }
        await #expect(throws: OutboxError.self) { try await outbox.record(.delivered(status: 200), id: "nope", at: F.start) }

        try await outbox.record(.dead(status: 404, error: "HTTP 404: no such hook"), id: "m2", at: F.start + 50)
        let dead = try await outbox.deadLetters()
        #expect(dead.map(\.message.id) == ["m2"])
        #expect(dead.first?.lastStatus == 404)
        #expect(dead.first?.lastError == "HTTP 404: no such hook")
        #expect(dead.first?.lastAttemptAt == F.start + 50)
        #expect(try await outbox.counts() == OutboxCounts(pending: 1, delivered: 1, dead: 1))
    }

    @Test(arguments: OutboxKind.allCases)
    func enqueueIsIdempotentAndReplacesLogEntries(kind: OutboxKind) async throws {
        let outbox = try kind.make()
        let first = NotificationLogEntry(key: "team/webhook/0/g", payload: [1, 2], expiresAt: F.start + 100)
        try await outbox.enqueue([F.message("m1")], log: [first])
        try await outbox.record(.delivered(status: 200), id: "m1", at: F.start + 1)
        // The same decision replayed: the delivered message stays delivered.
        let second = NotificationLogEntry(key: "team/webhook/0/g", payload: [3], expiresAt: F.start + 200)
        let other = NotificationLogEntry(key: "team/webhook/0/h", payload: [], expiresAt: F.start + 50)
        try await outbox.enqueue([F.message("m1")], log: [second, other])
        #expect(try await outbox.record(id: "m1")?.state == .delivered)
        #expect(try await outbox.due(now: F.start + 10, limit: 10).isEmpty)
        #expect(try await outbox.logEntries(now: F.start) == [second, other])
        #expect(try await outbox.logEntries(now: F.start + 50) == [second])
    }

    @Test(arguments: OutboxKind.allCases)
    func prunesFinishedMessagesAndExpiredLogEntries(kind: OutboxKind) async throws {
        let outbox = try kind.make()
        try await outbox.enqueue(
            ["old", "new", "dead", "pending"].map { F.message($0, group: $0) },
            log: [NotificationLogEntry(key: "k", payload: [1], expiresAt: F.start + 10)])
        try await outbox.record(.delivered(status: 200), id: "old", at: F.start + 1)
        try await outbox.record(.delivered(status: 200), id: "new", at: F.start + 100)
        try await outbox.record(.dead(status: 400, error: "HTTP 400"), id: "dead", at: F.start + 2)
        #expect(try await outbox.prune(deliveredBefore: F.start + 50, deadBefore: F.start, now: F.start + 10) == 1)
        #expect(try await outbox.record(id: "old") == nil)
        #expect(try await outbox.record(id: "dead")?.state == .dead)
        #expect(try await outbox.logEntries(now: 0).isEmpty)
        #expect(try await outbox.prune(deliveredBefore: F.start + 50, deadBefore: F.start + 50, now: F.start) == 1)
        #expect(try await outbox.counts() == OutboxCounts(pending: 1, delivered: 1, dead: 0))
    }

    @Test(arguments: OutboxKind.allCases)
    func enqueueRaisesTheSignal(kind: OutboxKind) async throws {
        let outbox = try kind.make()
        try await outbox.enqueue([F.message("m1")], log: [])
        // Raised before anyone waited: the wait returns at once.
        await outbox.signal.wait()
    }
}
