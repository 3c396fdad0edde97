import Delivery
import Notify
import Rules
import Storage
import Testing

/// Inhibition, silences and time intervals at flush time.
@Suite struct MutingTests {
    static let t0: Int64 = 1_800_000_000_000  // 2027-01-15T08:00:00Z, a Friday

    static let config = notificationConfig("""
        route:
          receiver: default
          group_by: [alertname, service]
          group_wait: 1s
          group_interval: 4s
          routes:
          - matchers: ['team="night"']
            receiver: default
            mute_time_intervals: [office-hours]
          - matchers: ['team="day"']
            receiver: default
            active_time_intervals: [office-hours]
        receivers:
        - {name: default, webhook_configs: [{url: 'http://r/default'}]}
        inhibit_rules:
        - source_matchers: ['severity="critical"']
          target_matchers: ['severity="warning"']
          equal: [service]
        - source_matchers: ['kind="peer"']
          target_matchers: ['kind="peer"']
        time_intervals:
        - name: office-hours
          time_intervals:
          - times: [{start_time: '07:00', end_time: '17:00'}]
            weekdays: ['monday:friday']
        """)

    @Test func aCriticalAlertInhibitsWarningsOfTheSameService() async throws {
        let outbox = RecordingOutbox()
        let dispatcher = makeDispatcher(Self.config, outbox: outbox)
        await dispatcher.receive([
            alert(["alertname": "Down", "service": "api", "severity": "critical"], startsAt: Self.t0),
            alert(["alertname": "Slow", "service": "api", "severity": "warning"], startsAt: Self.t0),
            alert(["alertname": "Slow", "service": "db", "severity": "warning"], startsAt: Self.t0),
        ], now: Self.t0)
        await dispatcher.tick(now: Self.t0 + 1000)
        let sent = try await outbox.messages.map { try SentPayload($0).groupKey }.sorted()
        #expect(sent == ["{}:{alertname=\"Down\", service=\"api\"}", "{}:{alertname=\"Slow\", service=\"db\"}"])
    }

    @Test func aResolvedSourceNoLongerInhibits() async throws {
        let outbox = RecordingOutbox()
        let dispatcher = makeDispatcher(Self.config, outbox: outbox)
        let warning = alert(["alertname": "Slow", "service": "api", "severity": "warning"], startsAt: Self.t0)
        await dispatcher.receive([alert(["alertname": "Down", "service": "api", "severity": "critical"], startsAt: Self.t0), warning], now: Self.t0)
        await dispatcher.tick(now: Self.t0 + 1000)
        #expect(await outbox.messages.count == 1)
        await dispatcher.receive(
            [alert(["alertname": "Down", "service": "api", "severity": "critical"], startsAt: Self.t0, endsAt: Self.t0 + 2000), warning],
            now: Self.t0 + 2000)
        await dispatcher.tick(now: Self.t0 + 5000)
        let keys = try await outbox.messages.map { try SentPayload($0).groupKey }
        #expect(keys.contains("{}:{alertname=\"Slow\", service=\"api\"}"))
    }

    @Test func anAlertDoesNotInhibitItselfNorAPeerMatchingBothSides() {
        let inhibitor = Inhibitor(rules: Self.config.inhibitRules)
        let a: Labels = ["alertname": "P", "kind": "peer", "instance": "a"]
        let b: Labels = ["alertname": "P", "kind": "peer", "instance": "b"]
        #expect(!inhibitor.mutes(a, firing: [a]))
        #expect(!inhibitor.mutes(a, firing: [a, b]))
        // equal labels missing on both sides count as equal.
        let critical: Labels = ["alertname": "X", "severity": "critical"]
        #expect(inhibitor.mutes(["alertname": "Y", "severity": "warning"], firing: [critical]))
        #expect(!inhibitor.mutes(["alertname": "Y", "severity": "warning", "service": "s"], firing: [critical]))
    }

    @Test func silencesMuteWhileActive() async throws {
        let outbox = RecordingOutbox()
        let silence = Silence(
            id: "5a1c3f7e-0000-4000-8000-000000000001", matchers: [.equal("alertname", "Noisy")], startsAt: Self.t0 - 1000,
            endsAt: Self.t0 + 10000, createdBy: "ops", comment: "maintenance", updatedAt: Self.t0 - 1000)
        let store = MemorySilenceStore([silence])
        let dispatcher = makeDispatcher(Self.config, outbox: outbox, silences: store)
        await dispatcher.receive([alert(["alertname": "Noisy"], startsAt: Self.t0)], now: Self.t0)
        var times = await DispatcherTimerTests.run(dispatcher, outbox, from: Self.t0, to: Self.t0 + 9000, step: 1000)
        #expect(times.isEmpty)
        // The silence ends at +10s: the next tick (+13s) notifies.
        times = await DispatcherTimerTests.run(dispatcher, outbox, from: Self.t0 + 10000, to: Self.t0 + 14000, step: 1000)
        #expect(times == [Self.t0 + 13000])
    }

    @Test func expiringASilenceUnmutes() async throws {
        let outbox = RecordingOutbox()
        let store = MemorySilenceStore([Silence(
            id: "s", matchers: [try AlertMatcher(name: "alertname", op: .regexMatch, value: "No.*")], startsAt: Self.t0 - 1000,
            endsAt: Self.t0 + 3_600_000, createdBy: "ops", comment: "c", updatedAt: Self.t0)])
        let dispatcher = makeDispatcher(Self.config, outbox: outbox, silences: store)
        await dispatcher.receive([alert(["alertname": "Noisy"], startsAt: Self.t0)], now: Self.t0)
        await dispatcher.tick(now: Self.t0 + 1000)
        #expect(await outbox.messages.isEmpty)
        let expired = try await store.expire(id: "s", now: Self.t0 + 2000)
        #expect(expired?.state(at: Self.t0 + 2000) == .expired)
        await dispatcher.tick(now: Self.t0 + 5000)
        #expect(await outbox.messages.count == 1)
    }

    @Test func muteTimeIntervalsMuteTheRoute() async {
        // 08:00 UTC on a Friday is inside office hours: the "night" route is muted, "day" is not.
        let outbox = RecordingOutbox()
        let dispatcher = makeDispatcher(Self.config, outbox: outbox)
        await dispatcher.receive(
            [alert(["alertname": "N", "team": "night"], startsAt: Self.t0), alert(["alertname": "D", "team": "day"], startsAt: Self.t0)],
            now: Self.t0)
        await dispatcher.tick(now: Self.t0 + 1000)
        #expect(await outbox.messages.map(\.groupKey) == ["{}/{team=\"day\"}:{alertname=\"D\"}"])
        // 17:00 is outside: the night route notifies at its next tick after that, the day route
        // is muted and does not repeat.
        let evening = Self.t0 + 9 * 3_600_000
        await dispatcher.receive(
            [alert(["alertname": "N", "team": "night"], startsAt: Self.t0), alert(["alertname": "D", "team": "day"], startsAt: Self.t0)],
            now: evening)
        await dispatcher.tick(now: evening)
        #expect(await outbox.messages.map(\.groupKey).last == "{}/{team=\"night\"}:{alertname=\"N\"}")
    }

    @Test func timeIntervalsMatchInTheirZone() {
        let friday = Self.t0  // 08:00Z
        var spec = TimeIntervalSpec(times: [.init(startMinute: 9 * 60, endMinute: 17 * 60)])
        #expect(!spec.contains(friday))
        spec.location = "Europe/Berlin"  // 09:00 local
        #expect(spec.contains(friday))
        #expect(TimeIntervalSpec(weekdays: [.init(5, 5)]).contains(friday))
        #expect(!TimeIntervalSpec(weekdays: [.init(6, 6), .init(0, 0)]).contains(friday))
        #expect(TimeIntervalSpec(daysOfMonth: [.init(15, 15)]).contains(friday))
        #expect(TimeIntervalSpec(daysOfMonth: [.init(-17, -17)]).contains(friday))  // January has 31 days
        #expect(!TimeIntervalSpec(daysOfMonth: [.init(-1, -1)]).contains(friday))
        #expect(TimeIntervalSpec(months: [.init(1, 3)], years: [.init(2027, 2027)]).contains(friday))
        #expect(!TimeIntervalSpec(years: [.init(2020, 2026)]).contains(friday))
    }
}
