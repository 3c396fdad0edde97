import Delivery
import Logging
import MetricsTestKit
import Synchronization
import Testing

@Suite struct WebhookDelivererTests {
    typealias F = DeliveryFixtures

    private func makeDeliverer(
        _ outbox: any OutboxQueue, _ transport: FakeTransport, concurrency: Int = 16, now: @escaping @Sendable () -> Int64 = { F.start },
        endpoints: [IntegrationKey: WebhookEndpoint] = F.endpoints(), metrics: TestMetrics? = nil
    ) -> WebhookDeliverer {
        WebhookDeliverer(
            outbox: outbox, transport: transport, endpoints: endpoints,
            configuration: DeliveryConfiguration(maxConcurrency: concurrency, retryPolicy: F.policy, userAgent: "Burnrate/test", batchSize: 7),
            metrics: DeliveryMetrics(factory: metrics), now: now, jitter: { 0 }, logger: F.logger)
    }

    @Test func keepsTheOrderOfEachGroupAndSendsOneOfAGroupAtATime() async throws {
        let outbox = MemoryOutbox()
        var messages: [OutboxMessage] = []
        for index in 0..<10 {
            for group in ["a", "b", "c", "d", "e"] { messages.append(F.message("\(group)\(index)", group: group)) }
        }
        try await outbox.enqueue(messages, log: [])
        let transport = FakeTransport()
        #expect(try await makeDeliverer(outbox, transport).deliverDue() == nil)
        let ids = await transport.ids
        #expect(ids.count == 50)
        for group in ["a", "b", "c", "d", "e"] {
            #expect(ids.filter { $0.hasPrefix(group) } == (0..<10).map { "\(group)\($0)" })
        }
        #expect(await transport.maxInFlightPerGroup == 1)
        #expect(try await outbox.counts() == OutboxCounts(pending: 0, delivered: 50, dead: 0))
    }

    @Test func neverHasMoreThanTheBoundInFlight() async throws {
        let outbox = MemoryOutbox()
        try await outbox.enqueue((0..<20).map { F.message("m\($0)", group: "g\($0)") }, log: [])
        let transport = FakeTransport()
        await transport.hold()
        let deliverer = makeDeliverer(outbox, transport, concurrency: 4)
        let task = Task { try await deliverer.deliverDue() }
        var released = 0
        while released < 20 {
            let expected = min(4, 20 - released)
            await eventually("\(expected) requests are held") { await transport.heldCount == expected }
            // Give the deliverer every chance to start more than it may.
            for _ in 0..<100 { await Task.yield() }
            #expect(await transport.inFlight == expected)
            released += await transport.heldCount
            await transport.release()
        }
        #expect(try await task.value == nil)
        #expect(await transport.maxInFlight == 4)
        #expect(await transport.requests.count == 20)
    }

    @Test func aFailingHeadHoldsItsGroupButNotTheOthers() async throws {
        let outbox = MemoryOutbox()
        try await outbox.enqueue(
            [F.message("a1", group: "a"), F.message("a2", group: "a"), F.message("b1", group: "b"), F.message("b2", group: "b")], log: [])
        let clock = Mutex(F.start)
        let transport = FakeTransport { request, sentBefore in
            request.header("webhook-id") == "a1" && sentBefore < 2 ? .failure("connection refused") : .status(200)
        }
        let deliverer = makeDeliverer(outbox, transport, now: { clock.withLock { $0 } })
        // First attempt fails: 500 ms backoff (jitter 0), a2 waits behind it.
        #expect(try await deliverer.deliverDue() == F.start + 500)
        #expect(Set(await transport.ids) == ["a1", "b1", "b2"])
        #expect(try await outbox.record(id: "a1")?.lastError == "connection refused")
        clock.withLock { $0 = F.start + 499 }
        #expect(try await deliverer.deliverDue() == F.start + 500)
        #expect(await transport.requests.count == 3)
        // Second attempt fails: 1 s backoff.
        clock.withLock { $0 = F.start + 500 }
        #expect(try await deliverer.deliverDue() == F.start + 1500)
        clock.withLock { $0 = F.start + 1500 }
        #expect(try await deliverer.deliverDue() == nil)
        #expect(await transport.ids.filter { $0.hasPrefix("a") } == ["a1", "a1", "a1", "a2"])
        #expect(try await outbox.record(id: "a1")?.attempts == 3)
        // The same webhook-id on every attempt, a fresh timestamp each time.
        let stamps = await transport.requests.filter { $0.header("webhook-id") == "a1" }.map { $0.header("webhook-timestamp") }
        #expect(stamps == ["1800000000", "1800000000", "1800000001"])
    }

    @Test func tooManyRequestsWaitsForRetryAfter() async throws {
        let outbox = MemoryOutbox()
        try await outbox.enqueue([F.message("m1")], log: [])
        let clock = Mutex(F.start)
        let transport = FakeTransport { _, sentBefore in
            sentBefore == 0 ? .status(429, headers: [HTTPHeader("Retry-After", "30")]) : .status(204)
        }
        let deliverer = makeDeliverer(outbox, transport, now: { clock.withLock { $0 } })
        #expect(try await deliverer.deliverDue() == F.start + 30_000)
        #expect(try await outbox.record(id: "m1")?.lastStatus == 429)
        clock.withLock { $0 = F.start + 29_999 }
        #expect(try await deliverer.deliverDue() == F.start + 30_000)
        clock.withLock { $0 = F.start + 30_000 }
        #expect(try await deliverer.deliverDue() == nil)
        #expect(await transport.ids == ["m1", "m1"])
        #expect(try await outbox.record(id: "m1")?.state == .delivered)
    }

    @Test func clientErrorsAndMissingEndpointsAreDeadLetters() async throws {
        let outbox = MemoryOutbox()
        try await outbox.enqueue(
            [F.message("bad"), F.message("next"), F.message("lost", receiver: "gone")], log: [])
        let transport = FakeTransport { request, _ in request.header("webhook-id") == "bad" ? .status(400) : .status(200) }
        let metrics = TestMetrics()
        #expect(try await makeDeliverer(outbox, transport, metrics: metrics).deliverDue() == nil)
        // The dead head no longer holds its group.
        #expect(await transport.ids == ["bad", "next"])
        let dead = try await outbox.deadLetters()
        #expect(Set(dead.map(\.message.id)) == ["bad", "lost"])
        #expect(dead.first { $0.message.id == "bad" }?.lastStatus == 400)
        #expect(dead.first { $0.message.id == "lost" }?.lastError == "no endpoint is configured for gone/webhook/0")
        let team = [("receiver", "team"), ("integration", "webhook/0")]
        #expect(try metrics.expectCounter("burnrate_notifications_dead_lettered_total", team).totalValue == 1)
        #expect(try metrics.expectCounter("burnrate_notifications_failed_total", team).totalValue == 1)
        #expect(try metrics.expectCounter("burnrate_notifications_sent_total", team).totalValue == 1)
        let gone = [("receiver", "gone"), ("integration", "webhook/0")]
        #expect(try metrics.expectCounter("burnrate_notifications_dead_lettered_total", gone).totalValue == 1)
    }

    @Test func countsSentRetriedAndFailedWithLatency() async throws {
        let outbox = MemoryOutbox()
        try await outbox.enqueue([F.message("m1", at: F.start - 250)], log: [])
        let clock = Mutex(F.start)
        let transport = FakeTransport { _, sentBefore in sentBefore == 0 ? .status(502) : .status(200) }
        let metrics = TestMetrics()
        let deliverer = makeDeliverer(outbox, transport, now: { clock.withLock { $0 } }, metrics: metrics)
        _ = try await deliverer.deliverDue()
        clock.withLock { $0 = F.start + 500 }
        _ = try await deliverer.deliverDue()
        let team = [("receiver", "team"), ("integration", "webhook/0")]
        #expect(try metrics.expectCounter("burnrate_notifications_sent_total", team).totalValue == 1)
        #expect(try metrics.expectCounter("burnrate_notifications_failed_total", team).totalValue == 1)
        #expect(try metrics.expectCounter("burnrate_notifications_retried_total", team).totalValue == 1)
        let latency = try metrics.expectTimer("burnrate_notification_latency_seconds", team)
        #expect(latency.values == [750_000_000])
    }

    @Test func newEndpointsApplyToLaterAttempts() async throws {
        let outbox = MemoryOutbox()
        try await outbox.enqueue([F.message("m1")], log: [])
        let transport = FakeTransport()
        let deliverer = makeDeliverer(outbox, transport, endpoints: [:])
        await deliverer.update(endpoints: F.endpoints(url: "http://127.0.0.1:2/new"))
        _ = try await deliverer.deliverDue()
        #expect(await transport.requests.map(\.url) == ["http://127.0.0.1:2/new"])
        #expect(await transport.requests.first?.header("user-agent") == "Burnrate/test")
    }
}
