import Foundation
import Hummingbird
import HummingbirdTesting
import Rules
import Server
import Testing

@Suite struct ReloadTests {
    private func ruleNames(_ client: any TestClientProtocol) async throws -> [String] {
        try await client.execute(uri: "/api/v1/rules", method: .get) { response in
            let body = try json(response.body)
            let data = body["data"] as? [String: Any]
            let groups = data?["groups"] as? [[String: Any]] ?? []
            return groups.flatMap { ($0["rules"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } }
        }
    }

    @Test func reloadAppliesValidChanges() async throws {
        let server = try await TestServer(files: ["gpu.yml": validAlertGroup])
        try await server.test { client in
            #expect(try await ruleNames(client) == ["GPUMemoryHigh", "job:vllm_waiting:sum"])
            try server.write("queue.yml", """
                groups:
                  - name: queue
                    rules:
                      - alert: QueueDeep
                        expr: vllm:num_requests_waiting > 100
                """)
            try await client.execute(uri: "/-/reload", method: .post) { response in
                #expect(response.status == .ok)
                let data = try json(response.body)["data"] as? [String: Any]
                #expect(data?["groups"] as? Int == 2)
            }
            #expect(try await ruleNames(client) == ["GPUMemoryHigh", "job:vllm_waiting:sum", "QueueDeep"])
        }
    }

    @Test func reloadWithInvalidRulesIsRefusedAndOldRulesStay() async throws {
        let server = try await TestServer(files: ["gpu.yml": validAlertGroup])
        try await server.test { client in
            try server.write("gpu.yml", """
                groups:
                  - name: gpu
                    rules:
                      - alert: GPUMemoryHigh
                        expr: DCGM_FI_DEV_FB_USED > 0.95
                        for: ten minutes
                """)
            try await client.execute(uri: "/-/reload", method: .post) { response in
                #expect(response.status == .badRequest)
                let body = try json(response.body)
                #expect(body["status"] as? String == "error")
                #expect(body["errorType"] as? String == "bad_data")
                let error = body["error"] as? String ?? ""
                #expect(error.contains("previous rules stay in force"))
                #expect(error.contains("gpu.yml:6:14"))
                let problems = body["data"] as? [[String: Any]] ?? []
                #expect(problems.first?["line"] as? Int == 6)
                #expect(problems.first?["column"] as? Int == 14)
            }
            #expect(try await ruleNames(client) == ["GPUMemoryHigh", "job:vllm_waiting:sum"])
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(String(buffer: response.body).contains("burnrate_config_last_reload_successful 0.0"))
            }
        }
    }

    @Test func reloadAfterAFixAppliesAgain() async throws {
        let server = try await TestServer(files: ["gpu.yml": validAlertGroup])
        try server.write("broken.yml", "groups: [ {name: x, rules: [ {record: 'bad name', expr: up} ] } ]")
        let refused = await server.state.rules.reload()
        guard case .refused(let problems) = refused else {
            Issue.record("expected the reload to be refused")
            return
        }
        #expect(problems.contains { $0.message.contains("invalid recording rule name: bad name") })
        try FileManager.default.removeItem(at: server.directory.appendingPathComponent("broken.yml"))
        let applied = await server.state.rules.reload()
        guard case .applied(let ruleSet, _) = applied else {
            Issue.record("expected the reload to apply")
            return
        }
        #expect(ruleSet.groups.map(\.name) == ["gpu"])
        #expect(await server.state.rules.lastReloadSuccessful)
    }
}
