import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

/// Every sample Burnrate acknowledged with 2xx survives SIGKILL.
@Suite(.serialized) struct CrashDurabilityTests {
    /// With tasks on the server's event loops (the default) and on a pool of their own.
    @Test(arguments: [true, false])
    func acknowledgedSamplesSurviveSIGKILL(tasksOnEventLoops: Bool) async throws {
        let directory = try temporaryDirectory()
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("rules"), withIntermediateDirectories: true)
        let port = freePort()
        let arguments = ["--storage.keep-all", "--db", "crash.sqlite", "--listen", "127.0.0.1:\(port)"]
            + (tasksOnEventLoops ? [] : ["--no-tasks-on-event-loops"])
        let first = try ServeProcess(arguments, in: directory, port: port)
        try await first.waitUntilReady()
        let executor = tasksOnEventLoops ? "on the event loops" : "on their own pool"
        #expect(first.log.contains("tasks=\(executor)"), "the start-up log names where tasks run:\n\(first.log)")

        // A sender posts batches of 200 series x 5 samples; the process is killed while it writes.
        let acknowledged = Acknowledged()
        let base = Int64(Date().timeIntervalSince1970 * 1000) - 3_600_000
        let sender = Task {
            for batch in 0..<10_000 {
                if Task.isCancelled { return }
                let body = try RemoteWriteBody.make((0..<200).map { series in
                    (["__name__": "crash_test_total", "series": "\(series)"],
                     (0..<5).map { step in (t: base + Int64(batch * 5 + step) * 100, v: Double(batch * 5 + step)) })
                })
                var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/write")!)
                request.httpMethod = "POST"
                request.httpBody = Data(body)
                request.setValue("application/x-protobuf", forHTTPHeaderField: "Content-Type")
                request.setValue("snappy", forHTTPHeaderField: "Content-Encoding")
                request.timeoutInterval = 10
                guard let (data, response) = try? await URLSession.shared.data(for: request) else { return }
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                if status == 204 {
                    await acknowledged.add(batch)
                } else {
                    await acknowledged.fail("\(status): \(String(decoding: data, as: UTF8.self))")
                    return
                }
            }
        }
        let deadline = ContinuousClock.now + .seconds(120)
        while await acknowledged.count < 20 {
            guard first.process.isRunning, ContinuousClock.now < deadline else {
                sender.cancel()
                throw ProcessFailure("burnrate stopped acknowledging writes (\(await acknowledged.failure ?? "no answer")):\n\(first.log)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        first.signal(SIGKILL)
        _ = try await first.waitForExit()
        sender.cancel()
        _ = await sender.result
        let batches = await acknowledged.batches
        #expect(batches.count >= 20)

        let second = try ServeProcess(arguments, in: directory, port: port)
        try await second.waitUntilReady()
        let end = Double(base + Int64(10_000 * 5) * 100) / 1000
        let (status, body) = try await second.request("/api/v1/query?query=\(encodeQuery("crash_test_total[1d]"))&time=\(end)")
        #expect(status == 200)
        let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        let result = ((object?["data"] as? [String: Any])?["result"] as? [[String: Any]]) ?? []
        #expect(result.count == 200)
        var stored: Set<Int> = []
        for entry in result {
            for pair in entry["values"] as? [[Any]] ?? [] {
                if let value = (pair.last as? String).flatMap(Double.init) { stored.insert(Int(value)) }
            }
        }
        let missing = batches.flatMap { batch in (0..<5).map { batch * 5 + $0 } }.filter { !stored.contains($0) }
        #expect(missing.isEmpty, "acknowledged samples lost after SIGKILL: \(missing.prefix(10))")
        second.signal(SIGTERM)
        #expect(try await second.waitForExit() == 0)
    }
}

extension CrashDurabilityTests {
    /// A firing alert is still firing, with its original `activeAt`, after SIGKILL and restart.
    @Test func alertStateSurvivesSIGKILL() async throws {
        let directory = try temporaryDirectory()
        let rules = directory.appendingPathComponent("rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        try Data("""
            groups:
              - name: always
                interval: 1s
                rules:
                  - alert: AlwaysFiring
                    expr: vector(1)
                    labels:
                      severity: page
            """.utf8).write(to: rules.appendingPathComponent("always.yml"))
        let port = freePort()
        let arguments = ["--db", "alerts.sqlite", "--listen", "127.0.0.1:\(port)"]
        let first = try ServeProcess(arguments, in: directory, port: port)
        try await first.waitUntilReady()
        var firing: [String: Any]?
        let deadline = ContinuousClock.now + .seconds(30)
        while firing == nil, ContinuousClock.now < deadline {
            firing = try await Self.alerts(first).first { $0["state"] as? String == "firing" }
            if firing == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        let before = try #require(firing, "the alert never fired:\n\(first.log)")
        first.signal(SIGKILL)
        _ = try await first.waitForExit()

        let second = try ServeProcess(arguments, in: directory, port: port)
        try await second.waitUntilReady()
        let restored = try await Self.alerts(second)
        #expect(restored.count == 1)
        #expect(restored.first?["state"] as? String == "firing")
        #expect(restored.first?["activeAt"] as? String == before["activeAt"] as? String)
        // Evaluations after the restart continue the same alert.
        try await Task.sleep(for: .milliseconds(2500))
        let later = try await Self.alerts(second)
        #expect(later.first?["activeAt"] as? String == before["activeAt"] as? String)
        second.signal(SIGTERM)
        #expect(try await second.waitForExit() == 0)
    }

    static func alerts(_ process: ServeProcess) async throws -> [[String: Any]] {
        let (status, body) = try await process.request("/api/v1/alerts")
        guard status == 200 else { throw ProcessFailure("/api/v1/alerts answered \(status): \(body)") }
        let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        return ((object?["data"] as? [String: Any])?["alerts"] as? [[String: Any]]) ?? []
    }
}

/// The batches answered with 204.
actor Acknowledged {
    private(set) var batches: [Int] = []
    private(set) var failure: String?
    var count: Int { batches.count }
    func add(_ batch: Int) { batches.append(batch) }
    func fail(_ reason: String) { failure = reason }
}
