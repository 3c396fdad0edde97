import Delivery
import Foundation
import Logging
import Notify
import Storage
import Testing

/// Reproduces Alertmanager 0.25's captured webhook bodies byte for byte from the captured
/// configuration and alerts (timestamps fed in from the captures).
@Suite struct PayloadConformanceTests {
    static let externalURL = "http://127.0.0.1:19093"

    static func dispatcher(_ configName: String, outbox: RecordingOutbox) throws -> Dispatcher {
        Dispatcher(
            config: try Fixtures.config(configName), outbox: outbox, silences: MemorySilenceStore(), externalURL: externalURL,
            logger: .init(label: "test"))
    }

    static func diskFull(_ host: String, endsAt: String? = nil) -> NotifiableAlert {
        NotifiableAlert(
            labels: ["alertname": "DiskFull", "instance": "\(host):9100", "job": "node", "scenario": "s1", "severity": "warning"],
            annotations: ["runbook_url": "https://runbooks.example/disk", "summary": "Disk almost full on \(host)"],
            startsAt: Fixtures.time("2026-11-29T01:32:58.704907Z"), endsAt: endsAt.map(Fixtures.time),
            generatorURL: "http://prometheus.example:9090/graph?g0.expr=disk_free%3C0.1")
    }

    @Test func fingerprintIsAlertmanagers() {
        let labels: Labels = ["alertname": "DiskFull", "instance": "host-a:9100", "job": "node", "scenario": "s1", "severity": "warning"]
        #expect(NotifiableAlert(labels: labels, startsAt: .milliseconds(0)).fingerprintText == "e15cd6996f66ca3b")
    }

    @Test func firingThenOneResolvedThenResolved() async throws {
        let outbox = RecordingOutbox()
        let dispatcher = try Self.dispatcher("exp1-alertmanager.yml", outbox: outbox)
        let received = Fixtures.time("2026-11-29T01:32:59.204907Z").milliseconds
        await dispatcher.receive([Self.diskFull("host-a"), Self.diskFull("host-b")], now: received)
        // group_wait 2s: nothing before, the first payload at received + 2s.
        #expect(await dispatcher.tick(now: received + 1999) == received + 2000)
        #expect(await outbox.messages.isEmpty)
        await dispatcher.tick(now: received + 2000)
        var messages = await outbox.messages
        try #require(messages.count == 1)
        #expect(String(decoding: messages[0].body, as: UTF8.self) == String(decoding: try Fixtures.bytes("webhook-firing.raw.json"), as: UTF8.self))
        #expect(messages[0].body == (try Fixtures.bytes("webhook-firing.raw.json")))
        #expect(messages[0].receiver == "s1")
        #expect(messages[0].integration == "webhook/0")
        #expect(messages[0].groupKey == "{}/{scenario=\"s1\"}:{alertname=\"DiskFull\"}")

        // host-a resolves; group_interval 4s later the second payload.
        await dispatcher.receive(
            [Self.diskFull("host-a", endsAt: "2026-11-29T01:33:04.705069Z"), Self.diskFull("host-b")], now: received + 5000)
        await dispatcher.tick(now: received + 6000)
        messages = await outbox.messages
        try #require(messages.count == 2)
        #expect(messages[1].body == (try Fixtures.bytes("webhook-firing-with-one-resolved.raw.json")))

        // host-b resolves; host-a, already notified as resolved, is gone from the group.
        await dispatcher.receive(
            [Self.diskFull("host-a", endsAt: "2026-11-29T01:33:04.705069Z"), Self.diskFull("host-b", endsAt: "2026-11-29T01:33:08.70503Z")],
            now: received + 9000)
        await dispatcher.tick(now: received + 10000)
        messages = await outbox.messages
        try #require(messages.count == 3)
        #expect(String(decoding: messages[2].body, as: UTF8.self) == String(decoding: try Fixtures.bytes("webhook-resolved.raw.json"), as: UTF8.self))
        #expect(Set(messages.map(\.id)).count == 3)
    }

    @Test func maxAlertsTruncates() async throws {
        let outbox = RecordingOutbox()
        let dispatcher = try Self.dispatcher("exp1-alertmanager.yml", outbox: outbox)
        let startsAt = Fixtures.time("2026-11-29T01:32:59.704907Z")
        let alerts = ["c", "a", "b"].map { instance in
            NotifiableAlert(labels: ["alertname": "S7", "instance": instance, "scenario": "s7"], startsAt: startsAt)
        }
        await dispatcher.receive(alerts, now: startsAt.milliseconds + 100)
        await dispatcher.tick(now: startsAt.milliseconds + 1100)
        let messages = await outbox.messages
        try #require(messages.count == 1)
        #expect(String(decoding: messages[0].body, as: UTF8.self) == String(decoding: try Fixtures.bytes("webhook-max-alerts-truncated.raw.json"), as: UTF8.self))
    }

    @Test func escaping() async throws {
        let outbox = RecordingOutbox()
        let dispatcher = try Self.dispatcher("escaping-am.yml", outbox: outbox)
        let startsAt = Fixtures.time("2026-11-29T01:39:06.369344389Z")
        let alert = NotifiableAlert(
            labels: ["alertname": "Esc", "path": "/a?b=1&c=2"],
            annotations: ["html": "<b>bold</b> & co", "unicode": "héllo ✓"], startsAt: startsAt,
            generatorURL: "http://prom:9090/graph?g0.expr=up&g0.tab=1")
        await dispatcher.receive([alert], now: startsAt.milliseconds + 10)
        await dispatcher.tick(now: startsAt.milliseconds + 1010)
        let messages = await outbox.messages
        try #require(messages.count == 1)
        #expect(String(decoding: messages[0].body, as: UTF8.self) == String(decoding: try Fixtures.bytes("webhook-escaping.raw.json"), as: UTF8.self))
        #expect(messages[0].receiver == "team.a+b")
    }

    @Test func timestampsPrintAsGoRFC3339Nano() {
        #expect(Fixtures.time("2026-11-29T01:33:08.70503Z").description == "2026-11-29T01:33:08.70503Z")
        #expect(AlertTimestamp.milliseconds(0).description == "1970-01-01T00:00:00Z")
        #expect(AlertTimestamp.milliseconds(951_782_400_123).description == "2000-02-29T00:00:00.123Z")
        #expect(AlertTimestamp(nanoseconds: -1).description == "1969-12-31T23:59:59.999999999Z")
    }
}
