import Notify
import Rules
import Storage
import Testing

@Suite struct SilenceTests {
    static func silence(_ id: String = "8f8c5d2e-1b4a-4c1e-9d3a-2f6b7c8d9e0f", startsAt: Int64 = 1000, endsAt: Int64 = 2000) throws -> Silence {
        Silence(
            id: id, matchers: [.equal("alertname", "DiskFull"), try AlertMatcher(name: "instance", op: .regexMatch, value: "host-(a|b):.*")],
            startsAt: startsAt, endsAt: endsAt, createdBy: "ana", comment: "disk swap", updatedAt: 500)
    }

    @Test func statesFollowTheTimes() throws {
        let silence = try Self.silence()
        #expect(silence.state(at: 999) == .pending)
        #expect(silence.state(at: 1000) == .active)
        #expect(silence.state(at: 1999) == .active)
        #expect(silence.state(at: 2000) == .expired)
    }

    @Test func matchingIsAnchoredAndAllMatchersMustAgree() throws {
        let silence = try Self.silence()
        #expect(silence.mutes(["alertname": "DiskFull", "instance": "host-a:9100"], at: 1500))
        #expect(!silence.mutes(["alertname": "DiskFull", "instance": "xhost-a:9100"], at: 1500))
        #expect(!silence.mutes(["alertname": "DiskFull", "instance": "host-c:9100"], at: 1500))
        #expect(!silence.mutes(["alertname": "DiskFull", "instance": "host-a:9100"], at: 2500))
        let negative = Silence(
            id: "n", matchers: [try AlertMatcher(name: "env", op: .notEqual, value: "dev"), try AlertMatcher(name: "job", op: .regexNoMatch, value: "test.*")],
            startsAt: 0, endsAt: 10, createdBy: "a", comment: "c", updatedAt: 0)
        #expect(negative.matches(["job": "api", "env": "prod"]))
        #expect(!negative.matches(["job": "testing"]))
        #expect(!negative.matches(["env": "dev"]))
    }

    @Test func validation() throws {
        #expect(try Self.silence().problems.isEmpty)
        var bad = try Self.silence(startsAt: 5, endsAt: 5)
        bad.matchers = [try AlertMatcher(name: "a", op: .regexMatch, value: ".*")]
        bad.createdBy = ""
        #expect(bad.problems == [
            "at least one matcher must not match the empty string", "the end time must be after the start time", "createdBy must not be empty",
        ])
    }

    @Test func expiring() throws {
        let pending = try Self.silence().expired(at: 100)
        #expect(pending.startsAt == 100 && pending.endsAt == 100)
        let active = try Self.silence().expired(at: 1500)
        #expect(active.startsAt == 1000 && active.endsAt == 1500 && active.updatedAt == 1500)
        #expect(try Self.silence().expired(at: 3000) == (try Self.silence()))
    }

    @Test func sqliteStoreRoundTripsAndCollectsGarbage() async throws {
        let database = try BurnrateDatabase.inMemory()
        #expect(BurnrateDatabase.knownMigrations.contains("v4-silences"))
        let store = SQLiteSilenceStore(database: database)
        let first = try Self.silence("a")
        let second = try Self.silence("b", startsAt: 3000, endsAt: 9000)
        try await store.save(second)
        try await store.save(first)
        #expect(try await store.silences() == [first, second])
        #expect(try await store.active(at: 1500) == [first])
        let expired = try await store.expire(id: "b", now: 4000)
        #expect(expired?.endsAt == 4000)
        #expect(try await store.silence(id: "b")?.endsAt == 4000)
        #expect(try await store.expire(id: "missing", now: 4000) == nil)
        #expect(try await store.deleteExpired(before: 3000) == 1)
        #expect(try await store.silences().map(\.id) == ["b"])
    }
}
