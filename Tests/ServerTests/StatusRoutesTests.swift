import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct StatusRoutesTests {
    @Test func healthyAndReady() async throws {
        let server = try await TestServer(files: ["gpu.yml": validAlertGroup])
        try await server.test { client in
            try await client.execute(uri: "/-/healthy", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "Burnrate is Healthy.\n")
            }
            try await client.execute(uri: "/-/ready", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "Burnrate is Ready.\n")
            }
        }
    }

    @Test func metricsExposeTheRulesInForce() async throws {
        let server = try await TestServer(files: ["gpu.yml": validAlertGroup])
        try await server.test { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains(#"burnrate_rules_loaded{kind="alerting"} 1.0"#))
                #expect(text.contains(#"burnrate_rules_loaded{kind="recording"} 1.0"#))
                #expect(text.contains("burnrate_config_last_reload_successful 1.0"))
            }
        }
    }

    @Test func unknownPathIs404() async throws {
        let server = try await TestServer(files: [:])
        try await server.test { client in
            try await client.execute(uri: "/api/v1/nope", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
