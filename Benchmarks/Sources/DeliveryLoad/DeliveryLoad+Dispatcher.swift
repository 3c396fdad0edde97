import ArgumentParser
import Delivery
import Foundation
import Logging
import Notify
import Rules
import Storage

extension DeliveryLoad {
    /// `--alerts N`: N alerts become active at once in `groups` groups; the dispatcher's tick at the
    /// end of `group_wait` flushes every group (route, grouping, Alertmanager's payload, one outbox
    /// transaction) and the deliverer sends the notifications to the sink. Times the tick alone and
    /// the last arrival from the start of the tick. The dispatcher's clock is injected: the test
    /// does not wait out `group_wait`.
    func throughDispatcher(outbox: SQLiteOutbox, deliverer: WebhookDeliverer, sink: Sink, port: Int, logger: Logger) async throws {
        let yaml = """
            route:
              receiver: load
              group_by: [group]
              group_wait: 30s
              group_interval: 5m
              repeat_interval: 4h
            receivers:
              - name: load
                webhook_configs:
                  - url: http://127.0.0.1:\(port)/hook
            """
        let (config, diagnostics) = ConfigLoader.parse(yaml, file: "delivery-load.yml")
        guard !diagnostics.contains(where: { $0.severity == .error }) else { throw ValidationError("\(diagnostics)") }
        await deliverer.update(endpoints: try WebhookEndpoints.make(from: config.notifications))
        let dispatcher = Dispatcher(
            config: config.notifications, outbox: outbox, silences: MemorySilenceStore(), externalURL: "http://burnrate.load",
            logger: logger)
        // The alerts became active group_wait ago, so the tick is at the wall clock's now (the
        // deliverer sends what is due by the wall clock).
        let t0 = Sink.wallClock() - 30_000
        let active = (0..<alerts).map { index in
            NotifiableAlert(
                labels: Labels(["alertname": "Load", "group": "g\(index % groups)", "instance": "i\(index)"]),
                annotations: ["summary": "alert \(index) of the load test"],
                startsAt: .milliseconds(t0), generatorURL: "http://burnrate.load/graph")
        }
        let receiveStarted = ContinuousClock.now
        _ = await dispatcher.receive(active, now: t0)
        let received = ContinuousClock.now
        let tickStarted = ContinuousClock.now
        _ = await dispatcher.tick(now: Sink.wallClock())
        let ticked = ContinuousClock.now
        await sink.waitForAll()
        let last = await sink.lastArrival ?? ticked
        let report = await sink.report(started: tickStarted)
        let result: [String: Any] = [
            "alerts": alerts, "groups": groups, "concurrency": concurrency,
            "receive_ms": Self.milliseconds(receiveStarted.duration(to: received)),
            "tick_ms": Self.milliseconds(tickStarted.duration(to: ticked)),
            "last_arrival_after_tick_ms": Self.milliseconds(tickStarted.duration(to: last)),
            "arrival_p50_ms": report.p50, "arrival_p99_ms": report.p99,
            "notifications": groups, "duplicates": report.duplicates,
        ]
        let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys, .prettyPrinted])
        print(String(decoding: json, as: UTF8.self))
        if report.duplicates > 0 { throw ExitCode(3) }
    }
}
