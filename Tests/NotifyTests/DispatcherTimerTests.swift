import Delivery
import Notify
import Storage
import Testing

/// Alertmanager 0.25's group timers, case by case, on times passed in (no sleeping).
@Suite struct DispatcherTimerTests {
    static let config = notificationConfig("""
        route:
          receiver: default
          group_by: [alertname]
          group_wait: 2s
          group_interval: 4s
          repeat_interval: 1h
          routes:
          - matchers: ['scenario="s2"']
            receiver: s2
            group_wait: 5s
            group_interval: 10s
          - matchers: ['scenario="s3a"']
            receiver: s3a
            group_wait: 1s
            group_interval: 5s
            repeat_interval: 5s
          - matchers: ['scenario="s3b"']
            receiver: s3b
            group_wait: 1s
            group_interval: 5s
            repeat_interval: 12s
          - matchers: ['scenario="s6"']
            receiver: s6
            group_wait: 1s
            group_interval: 4s
          - matchers: ['scenario="s11"']
            receiver: s11
            group_by: ['...']
            group_wait: 1s
          - matchers: ['scenario="s16"']
            receiver: s16a
            group_wait: 1s
            continue: true
          - matchers: ['scenario="s16"']
            receiver: s16b
            group_wait: 1s
        receivers:
        - {name: default, webhook_configs: [{url: 'http://r/default'}]}
        - {name: s2, webhook_configs: [{url: 'http://r/s2'}]}
        - {name: s3a, webhook_configs: [{url: 'http://r/s3a'}]}
        - {name: s3b, webhook_configs: [{url: 'http://r/s3b'}]}
        - {name: s6, webhook_configs: [{url: 'http://r/s6', send_resolved: false}]}
        - {name: s11, webhook_configs: [{url: 'http://r/s11'}]}
        - {name: s16a, webhook_configs: [{url: 'http://r/s16a'}]}
        - {name: s16b, webhook_configs: [{url: 'http://r/s16b'}]}
        """)

    static let t0: Int64 = 1_800_000_000_000

    /// Ticks every `step` ms from `from` to `to` (inclusive) and returns the times a message
    /// was recorded.
    static func run(_ dispatcher: Dispatcher, _ outbox: RecordingOutbox, from: Int64, to: Int64, step: Int64 = 100) async -> [Int64] {
        var times: [Int64] = []
        var now = from
        while now <= to {
            let before = await outbox.messages.count
            await dispatcher.tick(now: now)
            if await outbox.messages.count > before { times.append(now) }
            now += step
        }
        return times
    }

    @Test func firstFlushComesGroupWaitAfterTheGroupWasCreated() async throws {
        let outbox = RecordingOutbox()
        let dispatcher = makeDispatcher(Self.config, outbox: outbox)
        let due = await dispatcher.receive([alert(["alertname": "A", "scenario": "s2", "instance": "a"], startsAt: Self.t0)], now: Self.t0)
        #expect(due == Self.t0 + 5000)
        // A second alert inside group_wait joins the same first notification.
        await dispatcher.receive(
            [alert(["alertname": "A", "scenario": "s2", "instance": "a"], startsAt: Self.t0),
             alert(["alertname": "A", "scenario": "s2", "instance": "b"], startsAt: Self.t0 + 3000)], now: Self.t0 + 3000)
        let times = await Self.run(dispatcher, outbox, from: Self.t0, to: Self.t0 + 9000)
        #expect(times == [Self.t0 + 5000])
        #expect(try SentPayload(await outbox.messages[0]).summary == ["a:firing", "b:firing"])
    }

    @Test func aNewAlertAfterTheFirstFlushWaitsForTheNextGroupIntervalTick() async throws {
        let outbox = RecordingOutbox()
        let dispatcher = makeDispatcher(Self.config, outbox: outbox)
        let a = alert(["alertname": "A", "scenario": "s2", "instance": "a"], startsAt: Self.t0)
        let b = alert(["alertname": "A", "scenario": "s2", "instance": "b"], startsAt: Self.t0 + 6000)
        await dispatcher.receive([a], now: Self.t0)
        var times = await Self.run(dispatcher, outbox, from: Self.t0, to: Self.t0 + 6000)
        await dispatcher.receive([a, b], now: Self.t0 + 6000)
        times += await Self.run(dispatcher, outbox, from: Self.t0 + 6100, to: Self.t0 + 26000)
        // group_wait 5s, then ticks every 10s: b goes out at 15s; nothing changes at 25s.
        #expect(times == [Self.t0 + 5000, Self.t0 + 15000])
        #expect(try SentPayload(await outbox.messages[1]).summary == ["a:firing", "b:firing"])
    }

    @Test func anAlertOlderThanGroupWaitIsFlushedAtOnce() async {
        let outbox = RecordingOutbox()
        let dispatcher = makeDispatcher(Self.config, outbox: outbox)
        let due = await dispatcher.receive([alert(["alertname": "A", "scenario": "s2"], startsAt: Self.t0 - 60000)], now: Self.t0)
        #expect(due == Self.t0)
        await dispatcher.tick(now: Self.t0)
        #expect(await outbox.messages.count == 1)
    }

    @Test func repeatComesOnlyOnGroupIntervalTicks() async {
        // repeat_interval 5s with group_interval 5s: every 10s.
        let outbox = RecordingOutbox()
        let dispatcher = makeDispatcher(Self.config, outbox: outbox)
        await dispatcher.receive([alert(["alertname": "R", "scenario": "s3a"], startsAt: Self.t0)], now: Self.t0)
        let times = await Self.run(dispatcher, outbox, from: Self.t0, to: Self.t0 + 31000)
        #expect(times == [1000, 11000, 21000, 31000].map { Self.t0 + $0 })
    }

    @Test func repeatNotAMultipleOfGroupIntervalWaitsForTheNextTick() async {
        // repeat_interval 12s with 5s ticks: 15s apart.
        let outbox = RecordingOutbox()
        let dispatcher = makeDispatcher(Self.config, outbox: outbox)
        await dispatcher.receive([alert(["alertname": "R", "scenario": "s3b"], startsAt: Self.t0)], now: Self.t0)
        let times = await Self.run(dispatcher, outbox, from: Self.t0, to: Self.t0 + 32000)
        #expect(times == [1000, 16000, 31000].map { Self.t0 + $0 })
    }

    @Test func resolvedIsNotifiedAtTheNextTickAndThenLeavesTheGroup() async throws {
        let outbox = RecordingOutbox()
        let dispatcher = makeDispatcher(Self.config, outbox: outbox)
        let firing = alert(["alertname": "D", "scenario": "s1"], startsAt: Self.t0)
        await dispatcher.receive([firing], now: Self.t0)
        await dispatcher.tick(now: Self.t0 + 2000)
        var resolved = firing
        resolved.endsAt = .milliseconds(Self.t0 + 3000)
        await dispatcher.receive([resolved], now: Self.t0 + 3000)
        let times = await Self.run(dispatcher, outbox, from: Self.t0 + 2100, to: Self.t0 + 20000)
        #expect(times == [Self.t0 + 6000])
        #expect(try SentPayload(await outbox.messages[1]).status == "resolved")
        #expect(await dispatcher.groupStatus().isEmpty)
        #expect(await dispatcher.nextDue == Int64.max)
    }

    @Test func anAlertMissingFromTheSetIsResolved() async throws {
        let outbox = RecordingOutbox()
        let dispatcher = makeDispatcher(Self.config, outbox: outbox)
        await dispatcher.receive([alert(["alertname": "D"], startsAt: Self.t0)], now: Self.t0)
        await dispatcher.tick(now: Self.t0 + 2000)
        await dispatcher.receive([], now: Self.t0 + 3000)
        await dispatcher.tick(now: Self.t0 + 6000)
        let messages = await outbox.messages
        try #require(messages.count == 2)
        #expect(try SentPayload(messages[1]).summary == ["D:resolved"])
    }

    @Test func sendResolvedFalseSendsNothingThenAReFireIsNotified() async throws {
        let outbox = RecordingOutbox()
        let dispatcher = makeDispatcher(Self.config, outbox: outbox)
        let firing = alert(["alertname": "S6", "scenario": "s6"], startsAt: Self.t0)
        await dispatcher.receive([firing], now: Self.t0)
        await dispatcher.tick(now: Self.t0 + 1000)
        var resolved = firing
        resolved.endsAt = .milliseconds(Self.t0 + 2000)
        await dispatcher.receive([resolved], now: Self.t0 + 2000)
        await dispatcher.tick(now: Self.t0 + 5000)
        // Nothing sent, but the decision is logged (firing set now empty).
        #expect(await outbox.messages.count == 1)
        let calls = await outbox.calls
        #expect(calls.count == 2)
        #expect(calls[1].messages.isEmpty && calls[1].log.count == 1)
        // Fires again: a new group, a new notification after group_wait.
        await dispatcher.receive([alert(["alertname": "S6", "scenario": "s6"], startsAt: Self.t0 + 8000)], now: Self.t0 + 8000)
        let times = await Self.run(dispatcher, outbox, from: Self.t0 + 8000, to: Self.t0 + 12000)
        #expect(times == [Self.t0 + 9000])
    }

    @Test func sendResolvedFalseLeavesResolvedAlertsOutOfAFiringPayload() async throws {
        let outbox = RecordingOutbox()
        let dispatcher = makeDispatcher(Self.config, outbox: outbox)
        let a = alert(["alertname": "S6", "scenario": "s6", "instance": "a"], startsAt: Self.t0)
        let b = alert(["alertname": "S6", "scenario": "s6", "instance": "b"], startsAt: Self.t0)
        await dispatcher.receive([a, b], now: Self.t0)
        await dispatcher.tick(now: Self.t0 + 1000)
        var resolvedA = a
        resolvedA.endsAt = .milliseconds(Self.t0 + 2000)
        let c = alert(["alertname": "S6", "scenario": "s6", "instance": "c"], startsAt: Self.t0 + 2000)
        await dispatcher.receive([resolvedA, b, c], now: Self.t0 + 2000)
        await dispatcher.tick(now: Self.t0 + 5000)
        let messages = await outbox.messages
        try #require(messages.count == 2)
        #expect(try SentPayload(messages[1]).summary == ["b:firing", "c:firing"])
    }

    @Test func firingAndResolvedInsideGroupWaitSendsNothing() async {
        let outbox = RecordingOutbox()
        let dispatcher = makeDispatcher(Self.config, outbox: outbox)
        let firing = alert(["alertname": "S14"], startsAt: Self.t0)
        await dispatcher.receive([firing], now: Self.t0)
        var resolved = firing
        resolved.endsAt = .milliseconds(Self.t0 + 1000)
        await dispatcher.receive([resolved], now: Self.t0 + 1000)
        let times = await Self.run(dispatcher, outbox, from: Self.t0, to: Self.t0 + 10000)
        #expect(times.isEmpty)
        #expect(await outbox.calls.isEmpty)
        #expect(await dispatcher.groupStatus().isEmpty)
    }

    @Test func onlyAnAlreadyResolvedAlertSendsNothing() async {
        let outbox = RecordingOutbox()
        let dispatcher = makeDispatcher(Self.config, outbox: outbox)
        await dispatcher.receive([alert(["alertname": "S15"], startsAt: Self.t0 - 5000, endsAt: Self.t0 - 1000)], now: Self.t0)
        let times = await Self.run(dispatcher, outbox, from: Self.t0, to: Self.t0 + 10000)
        #expect(times.isEmpty)
    }

    @Test func continueGroupsTheAlertUnderTwoRoutes() async throws {
        let outbox = RecordingOutbox()
        let dispatcher = makeDispatcher(Self.config, outbox: outbox)
        await dispatcher.receive([alert(["alertname": "C", "scenario": "s16"], startsAt: Self.t0)], now: Self.t0)
        await dispatcher.tick(now: Self.t0 + 1000)
        let messages = await outbox.messages
        #expect(messages.map(\.receiver).sorted() == ["s16a", "s16b"])
        #expect(Set(messages.map(\.groupKey)) == ["{}/{scenario=\"s16\"}:{alertname=\"C\"}"])
        #expect(Set(messages.map(\.id)).count == 2)
    }

    @Test func groupByAllMakesAGroupPerLabelSet() async throws {
        let outbox = RecordingOutbox()
        let dispatcher = makeDispatcher(Self.config, outbox: outbox)
        await dispatcher.receive(
            [alert(["alertname": "E", "scenario": "s11", "instance": "a"], startsAt: Self.t0),
             alert(["alertname": "E", "scenario": "s11", "instance": "b"], startsAt: Self.t0)], now: Self.t0)
        await dispatcher.tick(now: Self.t0 + 1000)
        let keys = await outbox.messages.map(\.groupKey).sorted()
        #expect(keys == [
            "{}/{scenario=\"s11\"}:{alertname=\"E\", instance=\"a\", scenario=\"s11\"}",
            "{}/{scenario=\"s11\"}:{alertname=\"E\", instance=\"b\", scenario=\"s11\"}",
        ])
    }

    @Test func aRestartDoesNotNotifyAgainWhatWasNotified() async throws {
        let outbox = RecordingOutbox()
        let firing = alert(["alertname": "S12"], startsAt: Self.t0)
        do {
            let dispatcher = makeDispatcher(Self.config, outbox: outbox)
            await dispatcher.receive([firing], now: Self.t0)
            await dispatcher.tick(now: Self.t0 + 2000)
        }
        #expect(await outbox.messages.count == 1)
        // A new process: same outbox, no memory. The alert is older than group_wait, so the
        // new group flushes at once, and the restored log says it was notified.
        let restarted = makeDispatcher(Self.config, outbox: outbox)
        await restarted.receive([firing], now: Self.t0 + 10000)
        await restarted.tick(now: Self.t0 + 10000)
        #expect(await outbox.messages.count == 1)
        // Until the repeat interval (1h) has passed.
        let times = await Self.run(restarted, outbox, from: Self.t0 + 3_598_000, to: Self.t0 + 3_606_000, step: 1000)
        #expect(times.count == 1)
    }

    @Test func aFailedEnqueueIsDecidedAgainAtTheNextTick() async throws {
        let outbox = RecordingOutbox()
        let dispatcher = makeDispatcher(Self.config, outbox: outbox)
        await outbox.setFailing(true)
        await dispatcher.receive([alert(["alertname": "F"], startsAt: Self.t0)], now: Self.t0)
        await dispatcher.tick(now: Self.t0 + 2000)
        #expect(await outbox.messages.isEmpty)
        await outbox.setFailing(false)
        #expect(await dispatcher.tick(now: Self.t0 + 5999) == Self.t0 + 6000)
        await dispatcher.tick(now: Self.t0 + 6000)
        #expect(await outbox.messages.count == 1)
    }

    @Test func messagesAndLogEntriesGoInOneCall() async throws {
        let outbox = RecordingOutbox()
        let config = notificationConfig("""
            route: {receiver: two, group_wait: 1s}
            receivers:
            - name: two
              webhook_configs: [{url: 'http://r/1'}, {url: 'http://r/2', max_alerts: 1}]
            """)
        let dispatcher = makeDispatcher(config, outbox: outbox)
        await dispatcher.receive(
            [alert(["alertname": "M", "instance": "a"], startsAt: Self.t0), alert(["alertname": "M", "instance": "b"], startsAt: Self.t0)],
            now: Self.t0)
        await dispatcher.tick(now: Self.t0 + 1000)
        let calls = await outbox.calls
        try #require(calls.count == 1)
        #expect(calls[0].messages.map(\.integration) == ["webhook/0", "webhook/1"])
        #expect(calls[0].log.count == 2)
        #expect(try SentPayload(calls[0].messages[1]).truncated == 1)
        #expect(try SentPayload(calls[0].messages[0]).groupKey == "{}:{}")
    }

    @Test func reloadKeepsTheLog() async throws {
        let outbox = RecordingOutbox()
        let dispatcher = makeDispatcher(Self.config, outbox: outbox)
        let firing = alert(["alertname": "L"], startsAt: Self.t0)
        await dispatcher.receive([firing], now: Self.t0)
        await dispatcher.tick(now: Self.t0 + 2000)
        await dispatcher.apply(config: Self.config, now: Self.t0 + 3000)
        let times = await Self.run(dispatcher, outbox, from: Self.t0 + 3000, to: Self.t0 + 20000)
        #expect(times.isEmpty)
    }
}
