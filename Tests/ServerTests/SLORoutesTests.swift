import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Storage
import Testing

private let twoServices = """
    version: "burnrate/v1"
    service: "checkout"
    labels: {team: payments}
    slos:
      - name: "availability"
        objective: 99.9
        period: 1d
        sli:
          events:
            error_query: sum(rate(checkout_requests_total{code="500"}[{{.window}}]))
            total_query: sum(rate(checkout_requests_total[{{.window}}]))
        alerting:
          name: CheckoutErrors
          page_alert: {labels: {severity: page}}
          ticket_alert: {labels: {severity: ticket}}
    ---
    version: "burnrate/v1"
    service: "search"
    labels: {team: discovery}
    slos:
      - name: "availability"
        objective: 99
        period: 1d
        sli:
          events:
            error_query: sum(rate(search_requests_total{code="500"}[{{.window}}]))
            total_query: sum(rate(search_requests_total[{{.window}}]))
        alerting:
          name: SearchErrors
          page_alert: {labels: {severity: page}}
          ticket_alert: {labels: {severity: ticket}}
    """

/// Checkout fails 1 request in 10 (budget long gone); search 1 in 400 over 2 hours (a quarter
/// of its 1% budget).
@Suite struct SLORoutesTests {
    static let time = 7_200.0

    static func server() async throws -> TestServer {
        let server = try await TestServer(files: ["slos.yml": twoServices])
        var batch = AppendBatch()
        let steps = 0...480
        batch.append(["__name__": "checkout_requests_total", "code": "200"], steps.map { ChunkSample(t: Int64($0) * 15_000, v: Double($0 * 90)) })
        batch.append(["__name__": "checkout_requests_total", "code": "500"], steps.map { ChunkSample(t: Int64($0) * 15_000, v: Double($0 * 10)) })
        batch.append(["__name__": "search_requests_total", "code": "200"], steps.map { ChunkSample(t: Int64($0) * 15_000, v: Double($0 * 399)) })
        batch.append(["__name__": "search_requests_total", "code": "500"], steps.map { ChunkSample(t: Int64($0) * 15_000, v: Double($0)) })
        _ = try await server.state.store.append(batch)
        return server
    }

    @Test func listsEveryStateWithBudgetAndBurnRates() async throws {
        let server = try await Self.server()
        try await server.test { client in
            try await client.execute(uri: "/api/v1/slos?time=\(Self.time)", method: .get) { response in
                #expect(response.status == .ok)
                let data = try #require(try json(response.body)["data"] as? [String: Any])
                let slos = try #require(data["slos"] as? [[String: Any]])
                #expect(slos.map { $0["id"] as? String } == ["checkout-availability", "search-availability"])
                let search = slos[1]
                let budget = try #require(search["budget"] as? [String: Any])
                let remaining = try #require(budget["remaining"] as? Double)
                #expect(abs(remaining - 0.75) < 1e-9)
                #expect(abs((budget["events"] as? Double ?? 0) - 480 * 400) < 1e-6)
                #expect(abs((search["errorRatio"] as? Double ?? 0) - 0.0025) < 1e-12)
                #expect(abs(((search["burnRates"] as? [String: Any])?["1h"] as? Double ?? 0) - 0.25) < 1e-9)
                // Data from t = 0 only: 2 hours of the 1-day period are covered.
                #expect(abs((search["coverage"] as? Double ?? 0) - 7_200.0 / 86_400) < 1e-9)
                #expect((search["period"] as? [String: Any])?["length"] as? Double == 86_400)
                #expect(search["labels"] as? [String: String] == [:])
                let checkout = slos[0]
                #expect(((checkout["budget"] as? [String: Any])?["remaining"] as? Double).map { abs($0 - (1 - 0.1 / 0.001)) < 1e-6 } == true)
                #expect(((checkout["timeToExhaustion"] as? [String: Any])?["1h"] as? Double) == 0)
            }
            try await client.execute(uri: "/api/v1/slos?time=\(Self.time)&service=search", method: .get) { response in
                let slos = (try json(response.body)["data"] as? [String: Any])?["slos"] as? [[String: Any]]
                #expect(slos?.map { $0["id"] as? String } == ["search-availability"])
            }
            try await client.execute(uri: "/api/v1/slos?time=\(Self.time)&label=team=payments", method: .get) { response in
                let slos = (try json(response.body)["data"] as? [String: Any])?["slos"] as? [[String: Any]]
                #expect(slos?.map { $0["id"] as? String } == ["checkout-availability"])
            }
            try await client.execute(uri: "/api/v1/slos?label=team", method: .get) { response in
                #expect(response.status == .badRequest)
                let body = try json(response.body)
                #expect((body["error"] as? String)?.contains("not name=value") == true)
            }
        }
    }

    @Test func oneSLOWithItsBudgetHistory() async throws {
        let server = try await Self.server()
        try await server.test { client in
            try await client.execute(uri: "/api/v1/slos/search-availability?time=\(Self.time)&start=1800&step=30m", method: .get) { response in
                #expect(response.status == .ok)
                let data = try #require(try json(response.body)["data"] as? [String: Any])
                let history = try #require(data["history"] as? [[String: Any]])
                #expect(history.count == 4)
                #expect(history.first?["time"] as? String == "1970-01-01T00:30:00Z")
                for point in history {
                    let value = ((point["remaining"] as? [[String: Any]])?.first?["value"] as? Double) ?? .nan
                    #expect(abs(value - 0.75) < 1e-9)
                }
                #expect((data["states"] as? [Any])?.count == 1)
            }
            try await client.execute(uri: "/api/v1/slos/nope", method: .get) { response in
                #expect(response.status == .notFound)
                let body = try json(response.body)
                #expect(body["errorType"] as? String == "not_found")
            }
        }
    }

    @Test func theGateAllowsDeniesAndSaysWhy() async throws {
        let server = try await Self.server()
        try await server.test { client in
            try await client.execute(uri: "/api/v1/gate?slo=search-availability&min_remaining=0.5&time=\(Self.time)", method: .get) { response in
                #expect(response.status == .ok)
                let data = try #require(try json(response.body)["data"] as? [String: Any])
                #expect(data["decision"] as? String == "allow")
                #expect((data["slos"] as? [[String: Any]])?.first?["verdict"] as? String == "OK")
            }
            try await client.execute(uri: "/api/v1/gate?slo=search-availability&min_remaining=0.8&time=\(Self.time)", method: .get) { response in
                #expect(response.status == .forbidden)
                let data = try #require(try json(response.body)["data"] as? [String: Any])
                #expect(data["decision"] as? String == "deny")
                let verdict = try #require((data["slos"] as? [[String: Any]])?.first)
                #expect(verdict["verdict"] as? String == "BREACHED")
                #expect(verdict["reasons"] as? [String] == ["75% of the error budget left, less than the 80% required"])
            }
            // Flagger posts JSON of its own; the parameters are in the URL.
            try await client.execute(
                uri: "/api/v1/gate?service=checkout&time=\(Self.time)", method: .post,
                body: ByteBuffer(string: #"{"name":"inference","namespace":"ml","phase":"Progressing"}"#)
            ) { response in
                #expect(response.status == .forbidden)
                let data = try #require(try json(response.body)["data"] as? [String: Any])
                #expect(data["decision"] as? String == "deny")
            }
            try await client.execute(uri: "/api/v1/gate?slo=nope&time=\(Self.time)", method: .get) { response in
                #expect(response.status == .forbidden)
                let data = try #require(try json(response.body)["data"] as? [String: Any])
                #expect(data["decision"] as? String == "unknown")
                #expect(data["unknownSLOs"] as? [String] == ["nope"])
            }
            for bad in ["", "service=search&min_remaining=lots", "service=search&max_burn_rate=1h", "service=search&block_on_firing=never", "service=search&min_coverage=2"] {
                try await client.execute(uri: "/api/v1/gate?\(bad)", method: .get) { response in
                    #expect(response.status == .badRequest, "\(bad)")
                    let body = try json(response.body)
                    #expect(body["errorType"] as? String == "bad_data")
                }
            }
        }
    }
}
