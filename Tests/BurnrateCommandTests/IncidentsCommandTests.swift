import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

private let failingSLO = """
    version: "burnrate/v1"
    service: "inference"
    slos:
      - name: "failing"
        objective: 99
        period: 1d
        sli:
          events:
            error_query: sum(rate(failing_requests_total{code="500"}[{{.window}}]))
            total_query: sum(rate(failing_requests_total[{{.window}}]))
        alerting:
          name: FailingErrors
          page_alert: {labels: {severity: page}}
          ticket_alert: {labels: {severity: ticket}}
    """

/// `burnrate incidents` against a running server whose page alert fires on remote-written data,
/// with the API token required for changes.
@Suite(.serialized) struct IncidentsCommandTests {
    @Test func listAcknowledgeShowAndStats() async throws {
        let directory = try temporaryDirectory()
        let rules = directory.appendingPathComponent("rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        try Data(failingSLO.utf8).write(to: rules.appendingPathComponent("slos.yml"))
        try Data("t0ken\n".utf8).write(to: directory.appendingPathComponent("token"))
        try Data("global:\n  evaluation_interval: 1s\nweb:\n  api_token_file: token\n".utf8)
            .write(to: directory.appendingPathComponent("burnrate.yml"))
        let port = freePort()
        let server = try ServeProcess(
            ["--config", "burnrate.yml", "--rules", "rules", "--db", "incidents.sqlite", "--listen", "127.0.0.1:\(port)"],
            in: directory, port: port)
        try await server.waitUntilReady()
        let url = "http://127.0.0.1:\(port)"

        // The last hour: 100 requests per 15 s, 1 in 10 failing (burn rate 10 over every window).
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let steps = (0...240).map { now - 3_600_000 + Int64($0) * 15_000 }
        let body = try RemoteWriteBody.make([
            (["__name__": "failing_requests_total", "code": "200"], steps.enumerated().map { (t: $1, v: Double($0) * 90) }),
            (["__name__": "failing_requests_total", "code": "500"], steps.enumerated().map { (t: $1, v: Double($0) * 10) }),
        ])
        var request = URLRequest(url: URL(string: "\(url)/api/v1/write")!)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.setValue("application/x-protobuf", forHTTPHeaderField: "Content-Type")
        request.setValue("snappy", forHTTPHeaderField: "Content-Encoding")
        _ = try await URLSession.shared.data(for: request)

        // The page alert fires at an evaluation; the incident opens after it.
        var listed = try BurnrateBinary.run(["incidents", "list", "--server", url])
        for _ in 0..<60 where !listed.stdout.contains("inference-failing") {
            try await Task.sleep(for: .milliseconds(500))
            listed = try BurnrateBinary.run(["incidents", "list", "--server", url])
        }
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.hasPrefix("ID  STATUS"))
        #expect(listed.stdout.contains("1   open    page      inference-failing"), "\(listed.stdout)")

        let refused = try BurnrateBinary.run(["incidents", "ack", "1", "--server", url, "--by", "alice"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("requires the API token"))
        let acknowledged = try BurnrateBinary.run(["incidents", "ack", "1", "--server", url, "--by", "alice", "--token-file", directory.appendingPathComponent("token").path])
        #expect(acknowledged.status == 0, "\(acknowledged.stderr)")
        #expect(acknowledged.stdout.contains("acknowledged by alice"))

        let shown = try BurnrateBinary.run(["incidents", "show", "1", "--server", url, "--output", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
        let incident = object?["data"] as? [String: Any]
        #expect(incident?["status"] as? String == "acknowledged" && incident?["slo"] as? String == "inference-failing", "\(shown.stdout)")
        #expect(try BurnrateBinary.run(["incidents", "show", "9", "--server", url]).status == 1)

        let stats = try BurnrateBinary.run(["incidents", "stats", "--server", url, "--by", "service"])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("{service=\"inference\"}  1"))
        #expect(stats.stdout.contains("TTD: first alert firing − impact start"))
        #expect(try BurnrateBinary.run(["incidents", "stats", "--server", url, "--by", "team"]).status == 2)

        let gate = try BurnrateBinary.run(["gate", "--server", url, "--slo", "inference-failing", "--block-on-incident", "--block-on-firing", "none"])
        #expect(gate.stdout.contains("incident 1 (page) is acknowledged"), "\(gate.stdout)")

        server.signal(SIGTERM)
        #expect(try await server.waitForExit() == 0)
        #expect(try BurnrateBinary.run(["incidents", "list", "--server", url]).status == 4)
    }
}
