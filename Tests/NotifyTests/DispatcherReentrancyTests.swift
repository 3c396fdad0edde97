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
}
