import Logging
import Notify
import Storage
import Testing

@Suite struct DispatcherReentrancyTests {
    @Test func anAlertReceivedWhileAFlushIsRecordedStaysInItsGroup() async throws {
        let outbox = GatedOutbox()
        let config = notificationConfig("""
            route: {receiver: r, group_by: [alertname], group_wait: 1s}
            receivers: [{name: r, webhook_configs: [{url: 'http://r/'}]}]
            """)
        let dispatcher = Dispatcher(config: config, outbox: outbox, silences: MemorySilenceStore(), externalURL: "", logger: Logger(label: "t"))
        let t0: Int64 = 1_800_000_000_000
        let a = alert(["alertname": "G", "instance": "a"], startsAt: t0)
        await dispatcher.receive([a], now: t0)
        let flush = Task { await dispatcher.tick(now: t0 + 1000) }
        while await outbox.pending == 0 { await Task.yield() }
        let b = alert(["alertname": "G", "instance": "b"], startsAt: t0 + 1000)
        await dispatcher.receive([a, b], now: t0 + 1000)
        await outbox.open()
        _ = await flush.value
        let groups = await dispatcher.groupStatus()
        #expect(groups.map { $0.alerts.count } == [2])
    }

    /// Found by the SIGKILL end-to-end test: the evaluation's tick and the timer service's tick
    /// both found a group due, and both flushed it — two notifications with different ids.
    @Test func twoTicksThatFindTheSameGroupDueFlushItOnce() async throws {
        let outbox = GatedOutbox()
        let silences = GatedSilenceStore()
        let config = notificationConfig("""
            route: {receiver: r, group_by: [alertname], group_wait: 1s}
            receivers: [{name: r, webhook_configs: [{url: 'http://r/'}]}]
            """)
        let dispatcher = Dispatcher(config: config, outbox: outbox, silences: silences, externalURL: "", logger: Logger(label: "t"))
        let t0: Int64 = 1_800_000_000_000
        await dispatcher.receive([alert(["alertname": "G"], startsAt: t0)], now: t0)
        // Both ticks find the group due, then wait for the silences.
        let first = Task { await dispatcher.tick(now: t0 + 1000) }
        let second = Task { await dispatcher.tick(now: t0 + 1002) }
        #expect(await yieldUntil { await silences.pending == 2 }, "both ticks read the silences")
        await silences.open()
        #expect(await yieldUntil { await outbox.pending >= 1 }, "a flush is being recorded")
        // A second flush of the group, if there is one, reaches the outbox meanwhile.
        for _ in 0..<1000 { await Task.yield() }
        await outbox.open()
        _ = await first.value
        _ = await second.value
        #expect(await outbox.enqueued == 1)
    }
}

extension DispatcherReentrancyTests {
    /// A flush still being recorded when the group's next `group_interval` comes (a slow outbox):
    /// the group waits for it instead of deciding again without its log entry.
    @Test func aGroupIsNotFlushedAgainWhileItsLastFlushIsBeingRecorded() async throws {
        let outbox = GatedOutbox()
        let config = notificationConfig("""
            route: {receiver: r, group_by: [alertname], group_wait: 1s, group_interval: 1s}
            receivers: [{name: r, webhook_configs: [{url: 'http://r/'}]}]
            """)
        let dispatcher = Dispatcher(config: config, outbox: outbox, silences: MemorySilenceStore(), externalURL: "", logger: Logger(label: "t"))
        let t0: Int64 = 1_800_000_000_000
        await dispatcher.receive([alert(["alertname": "G"], startsAt: t0)], now: t0)
        let first = Task { await dispatcher.tick(now: t0 + 1000) }
        #expect(await yieldUntil { await outbox.pending == 1 }, "the first flush is being recorded")
        // The next group_interval has come; the group is left alone and not reported due.
        #expect(await dispatcher.nextDue == Int64.max)
        let second = Task { await dispatcher.tick(now: t0 + 2500) }
        for _ in 0..<1000 { await Task.yield() }
        #expect(await outbox.pending == 1, "the group was flushed again while its last flush was being recorded")
        await outbox.open()
        _ = await first.value
        _ = await second.value
        // Once recorded, the group is due again and decides with the log entry: nothing new.
        #expect(await dispatcher.nextDue == t0 + 2000)
        await dispatcher.tick(now: t0 + 2500)
        #expect(await outbox.enqueued == 1)
    }
}

extension DispatcherReentrancyTests {
    /// Found by the SIGKILL end-to-end test under CPU load: after the restart, the timer service's
    /// tick began reading the notification log; the evaluation's alerts arrived while it read,
    /// an alert that fired long ago made its group due at once, and the evaluation's tick flushed
    /// the group without the log — the alert was notified firing a second time, with a new id.
    @Test func callsThatComeWhileTheLogIsRestoredWaitForIt() async throws {
        let config = notificationConfig("""
            route: {receiver: r, group_by: [instance], group_wait: 1s, group_interval: 2s, repeat_interval: 1h}
            receivers: [{name: r, webhook_configs: [{url: 'http://r/', send_resolved: true}]}]
            """)
        let t0: Int64 = 1_800_000_000_000
        let firing = alert(["alertname": "A", "instance": "i0"], startsAt: t0)
        // The first process notifies the alert firing, and is killed.
        let before = RecordingOutbox()
        let first = makeDispatcher(config, outbox: before)
        await first.receive([firing], now: t0)
        await first.tick(now: t0 + 1000)
        #expect(await before.messages.count == 1)

        // The second process: its timer reads the log, slowly; the evaluation comes meanwhile.
        let restart = t0 + 30_000
        let outbox = HeldLogOutbox(log: await before.logEntries(now: restart))
        let second = Dispatcher(config: config, outbox: outbox, silences: MemorySilenceStore(), externalURL: "", logger: Logger(label: "t"))
        let timer = Task { await second.tick(now: restart) }
        #expect(await yieldUntil { await outbox.logReads == 1 }, "the timer's tick reads the log")
        let evaluation = Task {
            await second.receive([firing], now: restart)
            await second.tick(now: restart)
        }
        // The evaluation's tick, if it does not wait for the log, decides meanwhile.
        for _ in 0..<1000 { await Task.yield() }
        #expect(await outbox.messages.isEmpty, "a group was decided before the notification log was restored")
        await outbox.open()
        _ = await timer.value
        _ = await evaluation.value
        await second.tick(now: restart + 2000)
        #expect(await outbox.messages.isEmpty, "the alert notified before the restart was notified again")
        // The restored log is in force: the resolution is notified, once.
        await second.receive([alert(["alertname": "A", "instance": "i0"], startsAt: t0, endsAt: restart + 3000)], now: restart + 3000)
        await second.tick(now: restart + 4000)
        let sent = try await outbox.messages.map(SentPayload.init)
        #expect(sent.map(\.summary) == [["i0:resolved"]])
        #expect(await outbox.logReads == 1)
    }
}

/// Yields until `condition` holds (true), or gives up after many tries (false).
private func yieldUntil(_ condition: () async -> Bool) async -> Bool {
    for _ in 0..<200_000 {
        if await condition() { return true }
        await Task.yield()
    }
    return false
}
