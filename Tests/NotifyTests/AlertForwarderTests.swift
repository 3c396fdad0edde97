import Delivery
import Foundation
import Notify
import Rules
import Storage
import Testing

/// `alertmanager_configs`: what is forwarded when, as Prometheus 2.42 sends alerts to an
/// Alertmanager (times injected).
@Suite struct AlertForwarderTests {
    static let config = notificationConfig("""
        route:
          receiver: hooks
          routes:
          - matchers: ['team="db"']
            receiver: upstream
        receivers:
        - name: hooks
          webhook_configs: [{url: 'http://hooks/'}]
        - name: upstream
          alertmanager_configs:
          - url: 'http://am-a:9093/'
            resend_delay: 10s
          - url: 'http://am-b:9093/prefix'
        """)
    static let t0: Int64 = 1_800_000_000_000
    static let a = IntegrationKey(receiver: "upstream", integration: "alertmanager/0")
    static let b = IntegrationKey(receiver: "upstream", integration: "alertmanager/1")

    static func sent(_ batches: [AlertForwarder.Batch]) -> [String] {
        batches.flatMap { batch in
            batch.alerts.map { "\(batch.target.integration) \($0.labels["instance"] ?? "?") ends \(($0.endsAt?.milliseconds ?? 0) - t0)" }
        }
    }

    @Test func forwardsTheAlertsRoutedToTheReceiverAsPrometheusDoes() {
        var forwarder = AlertForwarder(config: Self.config)
        let db = alert(["alertname": "DiskFull", "team": "db", "instance": "db-1"], startsAt: Self.t0)
        let other = alert(["alertname": "DiskFull", "team": "web", "instance": "web-1"], startsAt: Self.t0)
        // First seen: sent to both; endsAt = now + 4 x max(group interval, resend_delay).
        #expect(Self.sent(forwarder.batches(for: [db, other].every(.seconds(15)), now: Self.t0)) == [
            "alertmanager/0 db-1 ends 60000", "alertmanager/1 db-1 ends 240000",
        ])
        // Not again until resend_delay has passed (strictly): 10 s for a, 1 m (default) for b.
        #expect(forwarder.batches(for: [db, other].every(.seconds(15)), now: Self.t0 + 10_000).isEmpty)
        #expect(Self.sent(forwarder.batches(for: [db, other].every(.seconds(15)), now: Self.t0 + 10_001)) == ["alertmanager/0 db-1 ends 70001"])
        #expect(Self.sent(forwarder.batches(for: [db, other].every(.seconds(15)), now: Self.t0 + 60_001)) == [
            "alertmanager/0 db-1 ends 120001", "alertmanager/1 db-1 ends 300001",
        ])
        // Resolved: sent at once with its resolution time, then like a firing alert.
        var resolved = db
        resolved.endsAt = .milliseconds(Self.t0 + 61_000)
        #expect(Self.sent(forwarder.batches(for: [resolved].every(.seconds(15)), now: Self.t0 + 61_000)) == [
            "alertmanager/0 db-1 ends 61000", "alertmanager/1 db-1 ends 61000",
        ])
        #expect(forwarder.batches(for: [resolved].every(.seconds(15)), now: Self.t0 + 62_000).isEmpty)
        #expect(Self.sent(forwarder.batches(for: [resolved].every(.seconds(15)), now: Self.t0 + 71_001)) == ["alertmanager/0 db-1 ends 61000"])
        // Gone from the set: forgotten, so it is sent at once if it fires again.
        #expect(forwarder.batches(for: [], now: Self.t0 + 72_000).isEmpty)
        #expect(Self.sent(forwarder.batches(for: [db].every(.seconds(15)), now: Self.t0 + 73_000)).count == 2)
    }

    @Test func aBatchHoldsAtMost64AlertsAndTheBodyIsAPostableAlertsArray() throws {
        var forwarder = AlertForwarder(config: Self.config)
        let alerts = (0..<100).map { index in
            NotifiableAlert(
                labels: ["alertname": "DiskFull", "team": "db", "instance": String(format: "db-%03d", index)],
                annotations: ["summary": "a < b & c"], startsAt: .milliseconds(Self.t0 + 1), generatorURL: "http://g/?x=1&y=2")
        }
        let batches = forwarder.batches(for: alerts.every(.seconds(60)), now: Self.t0 + 500)
        #expect(batches.map(\.target) == [Self.a, Self.a, Self.b, Self.b])
        #expect(batches.map(\.alerts.count) == [64, 36, 64, 36])
        let first = try #require(try JSONSerialization.jsonObject(with: Data(batches[0].body)) as? [[String: Any]])
        #expect(first.count == 64)
        #expect(first[0]["labels"] as? [String: String] == ["alertname": "DiskFull", "team": "db", "instance": "db-000"])
        #expect(first[0]["annotations"] as? [String: String] == ["summary": "a < b & c"])
        #expect(first[0]["startsAt"] as? String == AlertTimestamp.milliseconds(Self.t0 + 1).description)
        #expect(first[0]["endsAt"] as? String == AlertTimestamp.milliseconds(Self.t0 + 500 + 240_000).description)
        #expect(first[0]["generatorURL"] as? String == "http://g/?x=1&y=2")
    }

    /// Prometheus sends a firing alert valid for 4 x max(interval, resend delay) with the
    /// interval of the rule group that produced it, not one interval for all.
    @Test func aFiringAlertIsValidForFourTimesItsOwnGroupsIntervalOrTheResendDelay() {
        var forwarder = AlertForwarder(config: Self.config)
        let fast = ForwardedAlert(alert(["alertname": "Fast", "team": "db", "instance": "f"], startsAt: Self.t0), groupInterval: .seconds(5))
        let slow = ForwardedAlert(alert(["alertname": "Slow", "team": "db", "instance": "s"], startsAt: Self.t0), groupInterval: .seconds(20))
        let hourly = ForwardedAlert(alert(["alertname": "Hourly", "team": "db", "instance": "h"], startsAt: Self.t0), groupInterval: .seconds(3600))
        // a: resend_delay 10s; b: 1m.
        #expect(Self.sent(forwarder.batches(for: [fast, slow, hourly], now: Self.t0)) == [
            "alertmanager/0 f ends 40000", "alertmanager/0 h ends 14400000", "alertmanager/0 s ends 80000",
            "alertmanager/1 f ends 240000", "alertmanager/1 h ends 14400000", "alertmanager/1 s ends 240000",
        ])
        // A resolved alert is sent with its resolution time, whatever its group's interval.
        var resolved = hourly
        resolved.alert.endsAt = .milliseconds(Self.t0 + 1000)
        #expect(Self.sent(forwarder.batches(for: [fast, slow, resolved], now: Self.t0 + 1000)) == [
            "alertmanager/0 h ends 1000", "alertmanager/1 h ends 1000",
        ])
    }

    @Test func endpointsPostToTheAPIv2AlertsPath() throws {
        let endpoints = try WebhookEndpoints.forwarding(from: Self.config)
        #expect(endpoints[Self.a]?.url == "http://am-a:9093/api/v2/alerts")
        #expect(endpoints[Self.b]?.url == "http://am-b:9093/prefix/api/v2/alerts")
        #expect(try WebhookEndpoints.make(from: Self.config).keys.map(\.receiver) == ["hooks"])
    }

    @Test func configurationErrorsHavePositions() {
        let problems = NotificationConfigTests.problems("""
            route: {receiver: up}
            receivers:
            - name: up
              alertmanager_configs:
              - url: 'am:9093'
                resend_delay: 0s
              - resend_delay: soon
                timout: 5s
            """)
        #expect(problems == [
            "c.yml:5:10: receiver \"up\": alertmanager_config: invalid url \"am:9093\": the scheme must be http or https",
            "c.yml:6:19: receiver \"up\": alertmanager_config: resend_delay cannot be zero",
            "c.yml:7:5: receiver \"up\": alertmanager_config: missing required field \"url\"",
            "c.yml:7:19: receiver \"up\": alertmanager_config: invalid duration for \"resend_delay\": \"soon\" (use e.g. 30s, 5m, 4h)",
            "c.yml:8:5: receiver \"up\": alertmanager_config: unknown field \"timout\" (did you mean \"timeout\"?)",
        ])
    }
}

extension [NotifiableAlert] {
    /// The alerts as forwarded from rule groups evaluated every `interval`.
    fileprivate func every(_ interval: Duration) -> [ForwardedAlert] {
        map { ForwardedAlert($0, groupInterval: interval) }
    }
}
