import Delivery
import Logging
import ServiceLifecycle
import Testing
import TestSupport

@Suite struct DeliveryServiceTests {
    typealias F = DeliveryFixtures

    @Test func wakesOnEnqueueAndSleepsOnTheClockUntilEachRetry() async throws {
        let clock = ManualClock(start: F.start)
        let outbox = MemoryOutbox()
        let transport = FakeTransport { _, sentBefore in sentBefore < 2 ? .status(503) : .status(200) }
        let deliverer = WebhookDeliverer(
            outbox: outbox, transport: transport, endpoints: F.endpoints(), configuration: DeliveryConfiguration(retryPolicy: F.policy),
            now: { clock.nowMilliseconds }, jitter: { 1 }, logger: F.logger)
        let service = DeliveryService(deliverer: deliverer, outbox: outbox, clock: clock, now: { clock.nowMilliseconds }, logger: F.logger)
        let task = Task { try await service.run() }

        // Nothing to do: it sleeps the poll interval (and the pruning interval).
        await eventually("it sleeps") { clock.deadlines == [F.start + 60_000, F.start + 3_600_000] }
        #expect(await transport.requests.isEmpty)
        // An enqueue wakes it without the clock moving.
        try await outbox.enqueue([F.message("m1")], log: [])
        await eventually("the first attempt") { await transport.requests.count == 1 }
        // Backoff 1 s after the first failure (jitter 1): asleep until then, and not a millisecond less.
        await eventually("it sleeps until the retry") { clock.deadlines == [F.start + 1000, F.start + 3_600_000] }
        #expect(try await outbox.record(id: "m1")?.attempts == 1)
        clock.advance(by: .milliseconds(999))
        #expect(clock.deadlines == [F.start + 1000, F.start + 3_600_000])
        #expect(await transport.requests.count == 1)
        clock.advance(by: .milliseconds(1))
        await eventually("the second attempt is recorded") { (try? await outbox.record(id: "m1"))?.attempts == 2 }
        #expect(try await outbox.record(id: "m1")?.lastAttemptAt == F.start + 1000)
        // Then 2 s.
        await eventually("it sleeps until the next retry") { clock.deadlines == [F.start + 3000, F.start + 3_600_000] }
        clock.advance(by: .milliseconds(1999))
        #expect(clock.deadlines == [F.start + 3000, F.start + 3_600_000])
        clock.advance(by: .milliseconds(1))
        await eventually("the third attempt is recorded") { (try? await outbox.record(id: "m1"))?.state == .delivered }
        #expect(try await outbox.record(id: "m1")?.deliveredAt == F.start + 3000)
        #expect(await transport.requests.count == 3)
        task.cancel()
        try await task.value
    }

    @Test func gracefulShutdownLetsAttemptsInFlightEndAndStartsNoNewOne() async throws {
        let clock = ManualClock(start: F.start)
        let outbox = MemoryOutbox()
        try await outbox.enqueue([F.message("m1", group: "a"), F.message("m2", group: "b")], log: [])
        let transport = FakeTransport()
        await transport.hold()
        let deliverer = WebhookDeliverer(
            outbox: outbox, transport: transport, endpoints: F.endpoints(), configuration: DeliveryConfiguration(maxConcurrency: 1),
            now: { clock.nowMilliseconds }, logger: F.logger)
        let service = DeliveryService(deliverer: deliverer, outbox: outbox, clock: clock, now: { clock.nowMilliseconds }, logger: F.logger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [service], logger: F.logger))
        let task = Task { try await group.run() }

        await eventually("m1 is in flight") { await transport.heldCount == 1 }
        await clock.waitForSleepers(2)
        await group.triggerGracefulShutdown()
        // The deliverer's timer and the pruning loop stop sleeping: the shutdown has reached both.
        await eventually("the service saw the shutdown") { clock.sleeperCount == 0 }
        await transport.stopHolding()
        try await task.value
        #expect(await transport.ids == ["m1"])
        #expect(try await outbox.record(id: "m1")?.state == .delivered)
        #expect(try await outbox.record(id: "m2")?.state == .pending)
    }
}
