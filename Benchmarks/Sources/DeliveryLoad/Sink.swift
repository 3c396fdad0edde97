import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The receiving end: a Hummingbird app on 127.0.0.1 that answers 200 and records, per
/// `webhook-id`, when it arrived, and per group, the order.
actor Sink {
    struct Report {
        var p50: Double
        var p99: Double
        var duplicates: Int
        var outOfOrder: Int
    }

    private(set) var port: Int?
    private(set) var lastArrival: ContinuousClock.Instant?
    private var arrivals: [String: ContinuousClock.Instant] = [:]
    private var duplicates = 0
    private var lastOfGroup: [String: Int] = [:]
    private var outOfOrder = 0
    private let expected: Int
    private var waiter: CheckedContinuation<Void, Never>?

    init(expected: Int) { self.expected = expected }

    static func wallClock() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }

    nonisolated func application() -> some ApplicationProtocol {
        let router = Router()
        router.post("hook") { request, _ -> HTTPResponse.Status in
            let body = try await request.body.collect(upTo: 1 << 20)
            await self.arrived(id: request.headers[HTTPField.Name("webhook-id")!] ?? "", body: body)
            return .ok
        }
        var logger = Logger(label: "sink")
        logger.logLevel = .warning
        return Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in await self.listening(channel.localAddress?.port) }, logger: logger)
    }

    func waitForAll() async {
        if arrivals.count >= expected { return }
        await withCheckedContinuation { waiter = $0 }
    }

    func report(started: ContinuousClock.Instant) -> Report {
        let times = arrivals.values.map { DeliveryLoad.milliseconds(started.duration(to: $0)) }.sorted()
        func quantile(_ q: Double) -> Double { times.isEmpty ? 0 : times[min(Int(Double(times.count) * q), times.count - 1)] }
        return Report(p50: quantile(0.5), p99: quantile(0.99), duplicates: duplicates, outOfOrder: outOfOrder)
    }

    private func listening(_ port: Int?) { self.port = port }

    private func arrived(id: String, body: ByteBuffer) {
        let now = ContinuousClock.now
        if arrivals[id] != nil {
            duplicates += 1
            return
        }
        arrivals[id] = now
        lastArrival = now
        // Ids are n<index>; the group is index % groups, so within a group indices must increase.
        let text = String(buffer: body)
        if let group = text.split(separator: "\"groupKey\":\"").dropFirst().first?.split(separator: "\"").first,
           let index = Int(id.dropFirst())
        {
            if let previous = lastOfGroup[String(group)], previous > index { outOfOrder += 1 }
            lastOfGroup[String(group)] = index
        }
        if arrivals.count >= expected, let waiter {
            self.waiter = nil
            waiter.resume()
        }
    }
}
