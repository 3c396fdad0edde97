import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

private let inferenceSLOs = """
    version: "burnrate/v1"
    service: "inference"
    slos:
      - name: "healthy"
        objective: 99
        period: 1d
        sli:
          events:
            error_query: sum(rate(healthy_requests_total{code="500"}[{{.window}}]))
            total_query: sum(rate(healthy_requests_total[{{.window}}]))
        alerting:
          name: HealthyErrors
          page_alert: {labels: {severity: page}}
          ticket_alert: {labels: {severity: ticket}}
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

/// `burnrate gate` and `burnrate budget` against a running server fed by remote-write.
@Suite(.serialized) struct GateCommandTests {
    @Test func exitCodesFollowTheVerdicts() async throws {
        let directory = try temporaryDirectory()
        let rules = directory.appendingPathComponent("rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        try Data(inferenceSLOs.utf8).write(to: rules.appendingPathComponent("slos.yml"))
        let port = freePort()
        let server = try ServeProcess(["--db", "gate.sqlite", "--listen", "127.0.0.1:\(port)"], in: directory, port: port)
        try await server.waitUntilReady()
        let url = "http://127.0.0.1:\(port)"

        // The last hour: 100 requests per 15 s; "healthy" fails 1 in 1000, "failing" 1 in 10.
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let steps = (0...240).map { now - 3_600_000 + Int64($0) * 15_000 }
        let body = try RemoteWriteBody.make([
            (["__name__": "healthy_requests_total", "code": "200"], steps.enumerated().map { (t: $1, v: Double($0) * 99.9) }),
            (["__name__": "healthy_requests_total", "code": "500"], steps.enumerated().map { (t: $1, v: Double($0) * 0.1) }),
            (["__name__": "failing_requests_total", "code": "200"], steps.enumerated().map { (t: $1, v: Double($0) * 90) }),
            (["__name__": "failing_requests_total", "code": "500"], steps.enumerated().map { (t: $1, v: Double($0) * 10) }),
        ])
        var request = URLRequest(url: URL(string: "\(url)/api/v1/write")!)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.setValue("application/x-protobuf", forHTTPHeaderField: "Content-Type")
        request.setValue("snappy", forHTTPHeaderField: "Content-Encoding")
        let (_, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 204)

        let allow = try BurnrateBinary.run(["gate", "--server", url, "--slo", "inference-healthy", "--min-remaining", "0.5"])
        #expect(allow.status == 0, "\(allow.stdout)\(allow.stderr)")
        #expect(allow.stdout.hasPrefix("OK  inference-healthy  budget left 90.0%"))
        #expect(allow.stdout.hasSuffix("decision: allow\n"))

        let deny = try BurnrateBinary.run(["gate", "--server", url, "--service", "inference"])
        #expect(deny.status == 1, "\(deny.stdout)\(deny.stderr)")
        #expect(deny.stdout.contains("BREACHED  inference-failing"))
        #expect(deny.stdout.contains("error budget exhausted"))

        let burning = try BurnrateBinary.run(["gate", "--server", url, "--slo", "inference-healthy", "--max-burn-rate", "1h=0.05", "--output", "json"])
        #expect(burning.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(burning.stdout.utf8)) as? [String: Any]
        let data = object?["data"] as? [String: Any]
        #expect(data?["decision"] as? String == "deny")
        #expect(((data?["slos"] as? [[String: Any]])?.first?["reasons"] as? [String])?.first?.hasPrefix("burn rate over 1h is 0.1") == true)

        let unknown = try BurnrateBinary.run(["gate", "--server", url, "--slo", "nope"])
        #expect(unknown.status == 3)
        #expect(unknown.stdout.contains("UNKNOWN  nope"))
        #expect(try BurnrateBinary.run(["gate", "--server", url]).status == 2)
        #expect(try BurnrateBinary.run(["gate", "--server", url, "--slo", "x", "--block-on-firing", "never"]).status == 2)

        let budget = try BurnrateBinary.run(["budget", "--server", url, "--service", "inference"])
        #expect(budget.status == 0, "\(budget.stderr)")
        let lines = budget.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("SLO") == true)
        #expect(lines.count == 3)
        #expect(lines.contains { $0.hasPrefix("inference-healthy") && $0.contains("90.0%") })
        let budgetJSON = try BurnrateBinary.run(["budget", "--server", url, "--output", "json", "inference-failing"])
        #expect(budgetJSON.status == 0)
        #expect(budgetJSON.stdout.contains("\"inference-failing\""))
        #expect(!budgetJSON.stdout.contains("\"inference-healthy\""))
        #expect(try BurnrateBinary.run(["budget", "--server", url, "nope"]).status == 1)

        server.signal(SIGTERM)
        #expect(try await server.waitForExit() == 0)
        #expect(try BurnrateBinary.run(["gate", "--server", url, "--slo", "inference-healthy"]).status == 4)
        #expect(try BurnrateBinary.run(["budget", "--server", url]).status == 4)
    }
}
