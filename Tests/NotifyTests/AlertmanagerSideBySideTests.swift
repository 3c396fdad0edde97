import Delivery
import Foundation
import Hummingbird
import Logging
import Notify
import Rules
import ServiceLifecycle
import Storage
import Testing
import WebhookTestSupport

/// The same alert timeline sent to Debian's Alertmanager 0.25 (a real process, through its API
/// v2) and to Burnrate's `Dispatcher` (with the real `WebhookDeliverer`, SQLite outbox and HTTP
/// client), both configured by the same YAML and posting to the same recording sink: each
/// group's notifications must be the same, in the same order, byte for byte.
///
/// How Burnrate is fed: the test passes `NotifiableAlert`s to a `Dispatcher` directly, at the
/// planned times of the timeline (`now` = start + offset, exact), and calls `tick` exactly when it
/// says a group is due, while sleeping in real time alongside Alertmanager so that deliveries go
/// out when Alertmanager's do. Running `burnrate serve` with rules fed by remote write would add
/// rule-evaluation slots, query offsets and scheduler jitter between an event and the dispatcher
/// — noise unrelated to what is compared. Alertmanager runs on its own timers: every event is
/// placed half a `group_interval` (3 s) away from the flushes of the groups it affects, so that
/// on a loaded 2-core machine it still falls between the same two flushes in both.
@Suite(.serialized) struct AlertmanagerSideBySideTests {
    /// Shared by both: only the URL prefix (`/am/`, `/burnrate/`) differs.
    static func config(sink: Int, prefix: String) -> String {
        """
        global:
          resolve_timeout: 5m
        route:
          receiver: oncall
          group_by: [alertname]
          group_wait: 2s
          group_interval: 6s
          repeat_interval: 9s
          routes:
          - matchers: ['job="node"']
            receiver: audit
            group_by: ['...']
            continue: true
          - matchers: ['team="db"']
            receiver: db
            group_by: [alertname, team]
        inhibit_rules:
        - source_matchers: ['severity="page"']
          target_matchers: ['severity="ticket"']
          equal: [service]
        receivers:
        - name: oncall
          webhook_configs:
          - url: 'http://127.0.0.1:\(sink)/\(prefix)/oncall'
            send_resolved: true
        - name: audit
          webhook_configs:
          - url: 'http://127.0.0.1:\(sink)/\(prefix)/audit'
        - name: db
          webhook_configs:
          - url: 'http://127.0.0.1:\(sink)/\(prefix)/db'
            send_resolved: false
            max_alerts: 2

        """
    }

    /// One alert of the timeline; `startsAt` in milliseconds from the start (negative: before it).
    struct Planned {
        var labels: [String: String]
        var annotations: [String: String]
        var startsAt: Int64
    }

    static let generatorURL = "http://prometheus.example:9090/graph?g0.expr=rate%28errors%5B5m%5D%29+%3E+0&g0.tab=1"
    static let page = Planned(
        labels: ["alertname": "HighErrorRate", "service": "api", "severity": "page"],
        annotations: ["summary": "api errors burn the budget", "runbook_url": "https://runbooks.example/api?a=1&b=<2>"], startsAt: 0)
    static let ticket = Planned(
        labels: ["alertname": "HighErrorRate", "service": "api", "severity": "ticket"],
        annotations: ["summary": "api errors burn the budget", "detail": "ticket ✓ für api"], startsAt: 0)
    static func disk(_ n: Int, service: String = "db", at startsAt: Int64) -> Planned {
        Planned(
            labels: ["alertname": "DiskFull", "team": "db", "job": "node", "instance": "db-\(n):9100", "service": service, "severity": "ticket"],
            annotations: ["summary": "disk of db-\(n) almost full"], startsAt: startsAt)
    }
    static let latency = Planned(
        labels: ["alertname": "HighLatency", "service": "web", "severity": "ticket", "job": "web", "instance": "web-1"],
        annotations: ["summary": "slow"], startsAt: -60_000)

    /// What happens at an offset (milliseconds): alerts fire, or resolve (`endsAt` = that time).
    enum Change {
        case fire([Planned])
        case resolve([Planned])
    }

    /// The timeline. Flushes of the groups made at 0 come at 2, 8, 14, 20, 26, 32 s; the latency
    /// group, made at 9.5 s by an alert older than `group_wait`, flushes at once, then at 15.5,
    /// 21.5, 27.5 s; the audit groups of disks 3 and 4 (made at 5 and 11 s) at 7, 13, 19, 25, 31 s
    /// and 13, 19, 25, 31 s. What each group should receive is in `expected`. A repeat is due at the
    /// first flush more than `repeat_interval` (9 s) after the last notification: 12 s after it,
    /// with 3 s to spare either way for Alertmanager, which logs a notification once delivered.
    static let timeline: [(at: Int64, change: Change)] = [
        (0, .fire([page, ticket, disk(1, at: 0), disk(2, at: 0)])),
        (5000, .fire([disk(3, service: "api", at: 5000)])),  // inhibited by the page (same service)
        (9500, .fire([latency])),  // older than group_wait: flushed at once
        (11_000, .fire([disk(4, at: 11_000)])),
        (17_000, .resolve([page])),  // the ticket and disk 3 are no longer inhibited
        (23_000, .resolve([disk(1, at: 0)])),  // send_resolved: false: nothing
        (24_500, .resolve([latency])),
        (29_000, .resolve([ticket])),
    ]
    static let end: Int64 = 34_000

    /// Each group's notifications: status, then each alert as `name:status`, then `+truncated`.
    static let expected: [String: [String]] = [
        "oncall {}:{alertname=\"HighErrorRate\"}": [
            "firing page:firing +0",  // 2 s: the ticket is inhibited
            "firing page:firing +0",  // 14 s: repeat_interval passed
            "firing page:resolved ticket:firing +0",  // 20 s
            "resolved ticket:resolved +0",  // 32 s
        ],
        "oncall {}:{alertname=\"HighLatency\"}": [
            "firing web-1:firing +0",  // 9.5 s
            "firing web-1:firing +0",  // 21.5 s: repeat
            "resolved web-1:resolved +0",  // 27.5 s
        ],
        "db {}/{team=\"db\"}:{alertname=\"DiskFull\", team=\"db\"}": [
            "firing db-1:9100:firing db-2:9100:firing +0",  // 2 s
            "firing db-1:9100:firing db-2:9100:firing +1",  // 14 s: disk 4 (disk 3 inhibited)
            "firing db-1:9100:firing db-2:9100:firing +2",  // 20 s: disk 3 no longer inhibited
            "firing db-2:9100:firing db-3:9100:firing +1",  // 32 s: repeat, disk 1 resolved and left out
        ],
        // `continue: true` and `group_by: ['...']`: each disk alert is also its own group here.
        audit(1, service: "db"): [
            "firing db-1:9100:firing +0",  // 2 s
            "firing db-1:9100:firing +0",  // 14 s: repeat
            "resolved db-1:9100:resolved +0",  // 26 s
        ],
        audit(2, service: "db"): [
            "firing db-2:9100:firing +0",  // 2 s
            "firing db-2:9100:firing +0",  // 14 s: repeat
            "firing db-2:9100:firing +0",  // 26 s: repeat
        ],
        audit(3, service: "api"): [
            "firing db-3:9100:firing +0",  // 19 s: made at 5 s, inhibited at 7 and 13 s
            "firing db-3:9100:firing +0",  // 31 s: repeat
        ],
        audit(4, service: "db"): [
            "firing db-4:9100:firing +0",  // 13 s: made at 11 s
            "firing db-4:9100:firing +0",  // 25 s: repeat
        ],
    ]

    static func audit(_ n: Int, service: String) -> String {
        "audit {}/{job=\"node\"}:{alertname=\"DiskFull\", instance=\"db-\(n):9100\", job=\"node\", service=\"\(service)\", severity=\"ticket\", team=\"db\"}"
    }

    @Test func sameTimelineSameNotificationsAsAlertmanager025() async throws {
        let sink = RecordingSink()
        let logger = Logger(label: "side-by-side")
        let transport = AsyncHTTPClientTransport()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("side-by-side-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let sinkGroup = ServiceGroup(configuration: ServiceGroupConfiguration(services: [sink.application()], logger: logger))
        let sinkTask = Task { try await sinkGroup.run() }
        defer { sinkTask.cancel() }
        let port = try await sink.waitForPort()

        let alertmanager = try AlertmanagerProcess(config: Self.config(sink: port, prefix: "am"))
        try await alertmanager.waitUntilReady()

        let (loaded, diagnostics) = ConfigLoader.parse(Self.config(sink: port, prefix: "burnrate"), file: "side-by-side.yml")
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        let database = try BurnrateDatabase.open(path: directory.appendingPathComponent("burnrate.sqlite").path, logger: logger)
        let outbox = SQLiteOutbox(database: database)
        let dispatcher = Dispatcher(
            config: loaded.notifications, outbox: outbox, silences: MemorySilenceStore(),
            externalURL: alertmanager.url, logger: logger)
        let wallClock: @Sendable () -> Int64 = { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }
        let deliverer = WebhookDeliverer(
            outbox: outbox, transport: transport, endpoints: try WebhookEndpoints.make(from: loaded.notifications),
            now: wallClock, logger: logger)
        let delivery = DeliveryService(
            deliverer: deliverer, outbox: outbox, clock: ContinuousClock(), now: wallClock, pollInterval: .seconds(1), logger: logger)
        let deliveryGroup = ServiceGroup(configuration: ServiceGroupConfiguration(services: [delivery], logger: logger))
        let deliveryTask = Task { try await deliveryGroup.run() }

        let (start, startInstant) = (wallClock(), ContinuousClock.now)
        try await run(alertmanager: alertmanager, dispatcher: dispatcher, start: start, startInstant: startInstant)

        // Both sides' last notifications are due at 32 s; wait (polling the real processes) until
        // every expected one arrived, or 3 minutes on a loaded machine.
        let count = Self.expected.values.map(\.count).reduce(0, +)
        let deadline = ContinuousClock.now + .seconds(180)
        while ContinuousClock.now < deadline {
            let received = await sink.exchanges
            let fromAlertmanager = received.count { $0.request.path.hasPrefix("/am/") }
            let fromBurnrate = received.count { $0.request.path.hasPrefix("/burnrate/") }
            if fromAlertmanager >= count, fromBurnrate >= count { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        // A little longer: a notification neither side should send would show up now.
        try await Task.sleep(for: .seconds(2))
        let exchanges = await sink.exchanges
        await deliveryGroup.triggerGracefulShutdown()
        _ = await deliveryTask.result
        await alertmanager.stop()
        try await transport.shutdown()
        await sinkGroup.triggerGracefulShutdown()
        _ = await sinkTask.result

        let am = try Self.notifications(exchanges, prefix: "/am/", start: start)
        let burnrate = try Self.notifications(exchanges, prefix: "/burnrate/", start: start)
        // Alertmanager did what the timeline plans (else the machine was too slow for it, or
        // the plan is wrong): the comparison below is then about the cases intended.
        #expect(am.mapValues { $0.map(\.summary) } == Self.expected, "Alertmanager:\n\(Self.describe(am))\n\(alertmanager.log)")
        #expect(burnrate.mapValues { $0.map(\.summary) } == Self.expected, "Burnrate:\n\(Self.describe(burnrate))")
        #expect(Set(am.keys) == Set(burnrate.keys))
        for (group, sent) in am {
            let ours = burnrate[group] ?? []
            for (index, theirs) in sent.enumerated() where index < ours.count {
                // Byte for byte: receiver, status, alerts (labels, annotations, startsAt, endsAt,
                // generatorURL, fingerprint), groupLabels, commonLabels, commonAnnotations,
                // externalURL, version, groupKey, truncatedAlerts.
                #expect(ours[index].body == theirs.body, "\(group) #\(index)\nAlertmanager: \(theirs.body)\nBurnrate:     \(ours[index].body)")
                // The same flush: Burnrate decides at the planned tick, Alertmanager on its own
                // timers, so only closer than half a group interval is asked for.
                #expect(abs(ours[index].offset - theirs.offset) < 3000, "\(group) #\(index): Alertmanager at \(theirs.offset) ms, Burnrate at \(ours[index].offset) ms")
            }
        }
        #expect(exchanges.filter { $0.request.path.hasPrefix("/am/") }.allSatisfy { $0.request.userAgent == "Alertmanager/0.25.0" })
    }

    /// Plays the timeline: at each event's time, posts it to Alertmanager, then gives Burnrate's
    /// dispatcher the whole alert set at exactly that time; between events, ticks the dispatcher
    /// exactly when it is due. Sleeps in real time, because Alertmanager runs in real time.
    private func run(alertmanager: AlertmanagerProcess, dispatcher: Dispatcher, start: Int64, startInstant: ContinuousClock.Instant) async throws {
        var current: [Labels: NotifiableAlert] = [:]
        var events = Self.timeline[...]
        var due = Int64.max
        while true {
            let nextEvent = events.first.map { start + $0.at } ?? Int64.max
            let next = min(nextEvent, due, start + Self.end)
            try await Task.sleep(until: startInstant + .milliseconds(next - start), clock: ContinuousClock())
            if next == start + Self.end, nextEvent > next, due > next { return }
            if nextEvent == next, let event = events.popFirst() {
                var posted: [String] = []
                switch event.change {
                case .fire(let alerts):
                    for planned in alerts {
                        let alert = Self.notifiable(planned, start: start)
                        current[alert.labels] = alert
                        posted.append(Self.json(alert))
                    }
                case .resolve(let alerts):
                    for planned in alerts {
                        var alert = Self.notifiable(planned, start: start)
                        alert.endsAt = .milliseconds(next)
                        current[alert.labels] = alert
                        posted.append(Self.json(alert))
                    }
                }
                try await alertmanager.post(alerts: "[" + posted.joined(separator: ",") + "]")
                // Half a group interval is the margin: later than that, Alertmanager may have seen
                // the step after a flush that was planned to follow it.
                let late = Int64((Date().timeIntervalSince1970 * 1000).rounded()) - next
                if late > 1500 {
                    Issue.record("the step at \(event.at) ms reached Alertmanager \(late) ms late: the machine was too busy for the comparison")
                }
                due = await dispatcher.receive(Array(current.values), now: next)
            }
            if due <= next { due = await dispatcher.tick(now: next) }
        }
    }

    static func notifiable(_ planned: Planned, start: Int64) -> NotifiableAlert {
        NotifiableAlert(
            labels: Labels(planned.labels), annotations: planned.annotations, startsAt: .milliseconds(start + planned.startsAt),
            generatorURL: generatorURL)
    }

    /// An alert as API v2 takes it (`postableAlert`).
    static func json(_ alert: NotifiableAlert) -> String {
        var object: [String: Any] = [
            "labels": Dictionary(uniqueKeysWithValues: alert.labels.map { ($0.name, $0.value) }),
            "annotations": alert.annotations,
            "startsAt": alert.startsAt.description,
            "generatorURL": alert.generatorURL,
        ]
        if let endsAt = alert.endsAt { object["endsAt"] = endsAt.description }
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// One notification received.
    struct Received {
        var body: String
        var summary: String
        /// Milliseconds after the start.
        var offset: Int64
    }

    /// The notifications received under `prefix`, by `<receiver> <groupKey>`, in order.
    static func notifications(_ exchanges: [RecordingSink.Exchange], prefix: String, start: Int64) throws -> [String: [Received]] {
        var result: [String: [Received]] = [:]
        for exchange in exchanges where exchange.request.path.hasPrefix(prefix) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(exchange.request.body)) as? [String: Any])
            let receiver = object["receiver"] as? String ?? "?"
            let key = "\(receiver) \(object["groupKey"] as? String ?? "?")"
            #expect(exchange.request.path == prefix + receiver, "\(exchange.request.path) got receiver \(receiver)")
            var summary = [object["status"] as? String ?? "?"]
            for alert in object["alerts"] as? [[String: Any]] ?? [] {
                let labels = alert["labels"] as? [String: String] ?? [:]
                summary.append("\(labels["instance"] ?? labels["severity"] ?? "?"):\(alert["status"] as? String ?? "?")")
            }
            summary.append("+\(object["truncatedAlerts"] as? Int ?? -1)")
            let offset = Int64((exchange.request.receivedAt.timeIntervalSince1970 * 1000).rounded()) - start
            result[key, default: []].append(Received(body: exchange.request.text, summary: summary.joined(separator: " "), offset: offset))
        }
        return result
    }

    static func describe(_ notifications: [String: [Received]]) -> String {
        notifications.keys.sorted().map { key in
            "\(key):\n" + (notifications[key] ?? []).map { "  \($0.offset) ms \($0.summary)\n    \($0.body)" }.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
