import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct RulesRoutesTests {
    @Test func rulesInPrometheusShape() async throws {
        let server = try await TestServer(files: ["gpu.yml": validAlertGroup])
        try await server.test { client in
            try await client.execute(uri: "/api/v1/rules", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                let body = try json(response.body)
                #expect(body["status"] as? String == "success")
                let data = try #require(body["data"] as? [String: Any])
                let group = try #require((data["groups"] as? [[String: Any]])?.first)
                #expect(group["name"] as? String == "gpu")
                #expect(group["interval"] as? Double == 30)
                #expect((group["file"] as? String)?.hasSuffix("gpu.yml") == true)
                let rules = try #require(group["rules"] as? [[String: Any]])
                #expect(rules.count == 2)
                #expect(rules[0]["type"] as? String == "alerting")
                #expect(rules[0]["state"] as? String == "inactive")
                #expect(rules[0]["duration"] as? Double == 600)
                #expect(rules[0]["keepFiringFor"] as? Double == 300)
                #expect((rules[0]["labels"] as? [String: String])?["severity"] == "ticket")
                #expect(rules[0]["lastEvaluation"] as? String == "0001-01-01T00:00:00Z")
                #expect(rules[1]["type"] as? String == "recording")
                #expect(rules[1]["state"] == nil)
                #expect(rules[1]["query"] as? String == "sum by (job) (vllm:num_requests_waiting)")
                #expect(data["slos"] as? [Any] != nil)
            }
        }
    }

    @Test func typeFilter() async throws {
        let server = try await TestServer(files: ["gpu.yml": validAlertGroup])
        try await server.test { client in
            try await client.execute(uri: "/api/v1/rules?type=record", method: .get) { response in
                let data = try json(response.body)["data"] as? [String: Any]
                let rules = (data?["groups"] as? [[String: Any]])?.first?["rules"] as? [[String: Any]]
                #expect(rules?.map { $0["type"] as? String } == ["recording"])
            }
            try await client.execute(uri: "/api/v1/rules?type=bogus", method: .get) { response in
                #expect(response.status == .badRequest)
                let body = try json(response.body)
                #expect(body["errorType"] as? String == "bad_data")
                #expect((body["error"] as? String)?.contains("type=\"bogus\"") == true)
            }
        }
    }
}
