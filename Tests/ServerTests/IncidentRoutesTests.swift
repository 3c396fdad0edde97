import Alerting
import Foundation
import Hummingbird
import HummingbirdTesting
import Incidents
import NIOCore
import Rules
import Server
import Storage
import Testing

private let spec = """
    version: "burnrate/v1"
    service: "checkout"
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
    """

/// The incidents API: listing, one incident, the changes behind the API token, statistics, and
/// the deploy gate blocking on an open incident.
@Suite struct IncidentRoutesTests {
    static let now = Int64(Date().timeIntervalSince1970 * 1000)

    static func server() async throws -> TestServer {
        let tokenFile = FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UUID().uuidString)")
        try Data("s3cret\n".utf8).write(to: tokenFile)
        var config = BurnrateConfig()
        config.apiTokenFile = tokenFile.path
        let server = try await TestServer(files: ["slo.yml": spec], config: config)
        let labels = Labels([
            "alertname": "CheckoutErrors", "sloth_id": "checkout-availability", "sloth_service": "checkout",
            "sloth_slo": "availability", "sloth_severity": "page",
        ])
        let alert = AlertState(
            restoring: PersistedAlert(rule: "CheckoutErrors", ruleIndex: 0, labels: labels, phase: .firing, activeAt: now - 600_000, firedAt: now - 600_000, value: 1, annotations: [:]),
            holdDuration: 0, keepFiringFor: 0)
        try await server.state.incidents.observe(alerts: [alert], at: now - 600_000)
        return server
    }

    static func headers(token: String? = "s3cret") -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        if let token { headers[.authorization] = "Bearer \(token)" }
        return headers
    }

    @Test func listsAndShowsIncidents() async throws {
        let server = try await Self.server()
        try await server.test { client in
            try await client.execute(uri: "/api/v1/incidents?status=open&slo=checkout-availability&since=1h", method: .get) { response in
                #expect(response.status == .ok)
                let data = try #require(try json(response.body)["data"] as? [String: Any])
                let incidents = try #require(data["incidents"] as? [[String: Any]])
                #expect(incidents.map { $0["id"] as? Int } == [1])
                #expect(incidents[0]["status"] as? String == "open" && incidents[0]["severity"] as? String == "page")
                #expect(incidents[0]["resolvedAt"] is NSNull)
                #expect((incidents[0]["key"] as? [String: String]) == ["sloth_id": "checkout-availability"])
            }
            try await client.execute(uri: "/api/v1/incidents?status=resolved", method: .get) { response in
                let data = try #require(try json(response.body)["data"] as? [String: Any])
                #expect((data["incidents"] as? [[String: Any]])?.isEmpty == true)
            }
            try await client.execute(uri: "/api/v1/incidents?status=closed", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect((try? json(response.body))?["error"] as? String == "invalid parameter \"status\": \"closed\" is not open, acknowledged or resolved")
            }
            try await client.execute(uri: "/api/v1/incidents/1", method: .get) { response in
                let data = try #require(try json(response.body)["data"] as? [String: Any])
                #expect((data["timeline"] as? [[String: Any]])?.first?["kind"] as? String == "opened")
                #expect((data["alerts"] as? [[String: Any]])?.first?["state"] as? String == "firing")
            }
            try await client.execute(uri: "/api/v1/incidents/9", method: .get) { response in
                #expect(response.status == .notFound)
                #expect((try? json(response.body))?["error"] as? String == "no incident with id 9")
            }
            try await client.execute(uri: "/api/v1/incidents/x", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func changesRequireTheToken() async throws {
        let server = try await Self.server()
        try await server.test { client in
            try await client.execute(uri: "/api/v1/incidents/1/ack", method: .post, headers: Self.headers(token: nil), body: ByteBuffer(string: "by=alice")) { response in
                #expect(response.status == .unauthorized)
                #expect((try? json(response.body))?["errorType"] as? String == "unauthorized")
            }
            try await client.execute(uri: "/api/v1/incidents/1/ack", method: .post, headers: Self.headers(token: "wrong"), body: ByteBuffer(string: "by=alice")) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/v1/incidents/1/ack", method: .post, headers: Self.headers(), body: ByteBuffer(string: "by=alice")) { response in
                #expect(response.status == .ok)
                let data = try #require(try json(response.body)["data"] as? [String: Any])
                #expect(data["status"] as? String == "acknowledged" && data["acknowledgedBy"] as? String == "alice")
                #expect(((data["durations"] as? [String: Any])?["timeToAcknowledge"] as? Double).map { $0 >= 600 } == true)
            }
            try await client.execute(uri: "/api/v1/incidents/1/ack", method: .post, headers: Self.headers(), body: ByteBuffer(string: "by=bob")) { response in
                #expect(response.status == .conflict)
                #expect((try? json(response.body))?["error"] as? String == "incident 1 is already acknowledged by alice")
            }
            try await client.execute(uri: "/api/v1/incidents/1/notes", method: .post, headers: Self.headers(), body: ByteBuffer(string: "by=alice&text=rolled+back+v42")) { response in
                let data = try #require(try json(response.body)["data"] as? [String: Any])
                #expect((data["notes"] as? [[String: Any]])?.map { $0["text"] as? String } == ["rolled back v42"])
            }
            try await client.execute(uri: "/api/v1/incidents/1/notes", method: .post, headers: Self.headers(), body: ByteBuffer(string: "by=alice")) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/api/v1/incidents/1/flag", method: .post, headers: Self.headers(), body: ByteBuffer(string: "by=alice&flag=test")) { response in
                #expect((try? json(response.body))?["data"].flatMap { ($0 as? [String: Any])?["flag"] as? String } == "test")
            }
            try await client.execute(uri: "/api/v1/incidents/1/resolve", method: .post, headers: Self.headers(), body: ByteBuffer(string: "by=alice")) { response in
                let data = try #require(try json(response.body)["data"] as? [String: Any])
                #expect(data["status"] as? String == "resolved" && data["resolvedBy"] as? String == "alice")
            }
            try await client.execute(uri: "/api/v1/incidents/7/resolve", method: .post, headers: Self.headers(), body: ByteBuffer(string: "by=alice")) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func statisticsWithDefinitions() async throws {
        let server = try await Self.server()
        _ = try await server.state.incidents.acknowledge(id: 1, by: "alice", at: Self.now - 480_000)
        try await server.test { client in
            try await client.execute(uri: "/api/v1/incidents/stats?since=30d&by=service", method: .get) { response in
                #expect(response.status == .ok)
                let data = try #require(try json(response.body)["data"] as? [String: Any])
                #expect(data["by"] as? String == "service")
                #expect((data["definitions"] as? [String: String])?.keys.sorted() == ["timeToAcknowledge", "timeToDetect", "timeToRecover", "timeToResolve"])
                let groups = try #require(data["groups"] as? [[String: Any]])
                #expect(groups.map { $0["group"] as? [String: String] } == [["service": "checkout"]])
                #expect(groups[0]["count"] as? Int == 1)
                let acknowledge = try #require(groups[0]["timeToAcknowledge"] as? [String: Any])
                #expect(acknowledge["mean"] as? Double == 120 && acknowledge["p90"] as? Double == 120)
                #expect((groups[0]["timeToResolve"] as? [String: Any])?["mean"] is NSNull)
            }
            try await client.execute(uri: "/api/v1/incidents/stats?by=team", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func gateBlocksOnAnOpenIncidentWhenAsked() async throws {
        let server = try await Self.server()
        // Healthy traffic, so that only the incident can deny.
        var batch = AppendBatch()
        let start = Self.now - 3_600_000
        batch.append(["__name__": "checkout_requests_total", "code": "200"], (0...240).map { ChunkSample(t: start + Int64($0) * 15_000, v: Double($0 * 100)) })
        batch.append(["__name__": "checkout_requests_total", "code": "500"], (0...240).map { ChunkSample(t: start + Int64($0) * 15_000, v: 0) })
        _ = try await server.state.store.append(batch)
        let time = Double(Self.now) / 1000
        try await server.test { client in
            try await client.execute(uri: "/api/v1/gate?slo=checkout-availability&time=\(time)", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/v1/gate?slo=checkout-availability&block_on_incident=true&time=\(time)", method: .get) { response in
                #expect(response.status == .forbidden)
                let data = try #require(try json(response.body)["data"] as? [String: Any])
                let slos = try #require(data["slos"] as? [[String: Any]])
                #expect(slos.first?["reasons"] as? [String] == ["incident 1 (page) is open"])
            }
            try await client.execute(uri: "/api/v1/gate?slo=checkout-availability&block_on_incident=maybe", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}
