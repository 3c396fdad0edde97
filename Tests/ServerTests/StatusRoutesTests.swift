import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Storage
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

    @Test func metricsExposeTheSampleStore() async throws {
        let server = try await TestServer(files: [:])
        var batch = AppendBatch()
        // 1,000 samples a series: four complete chunks of 240, which the server's store cuts
        // together (`SampleStoreConfiguration.service`), and 40 left in the head.
        for code in ["200", "500"] {
            batch.append(["__name__": "requests_total", "code": code], (0..<1_000).map { ChunkSample(t: Int64($0) * 15_000, v: Double($0)) })
        }
        _ = try await server.state.store.append(batch)
        // Chunks were cut while the store was open: reading them back needs no database row.
        _ = try await server.state.store.selectSummarised(matchers: [.metricName("requests_total")], start: 0, end: 1_000 * 15_000)
        // Two windows ending at the last chunk's end, read twice: each series' two stretches are
        // folded by the first read and kept for the second.
        for _ in 0..<2 {
            _ = try await server.state.store.accumulate(
                matchers: [.metricName("requests_total")], end: 959 * 15_000, ranges: [5 * 60_000, 2 * 3_600_000])
        }
        try await server.test { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains("burnrate_storage_series 2.0"), "\(text)")
                #expect(text.contains("burnrate_storage_series_reads_from_database_total 0"), "\(text)")
                // The one selection, worked out from the index.
                #expect(text.contains(#"burnrate_storage_selections_total{result="computed"} 1"#), "\(text)")
                #expect(text.contains(#"burnrate_storage_selections_total{result="cached"} 2"#), "\(text)")
                #expect(text.contains(#"burnrate_storage_window_stretches_total{result="read"} 4"#), "\(text)")
                #expect(text.contains(#"burnrate_storage_window_stretches_total{result="reused"} 4"#), "\(text)")
            }
        }
        // A store opened afresh holds no chunk in memory: the same read needs the rows of both series.
        let reopened = try await SampleStore.open(database: server.state.store.database, logger: server.state.logger)
        _ = try await reopened.selectSummarised(matchers: [.metricName("requests_total")], start: 0, end: 1_000 * 15_000)
        #expect(await reopened.statistics().seriesReadsFromDatabase == 2)
        // Asked again: answered by the selection cache.
        _ = try await reopened.selectSummarised(matchers: [.metricName("requests_total")], start: 0, end: 1_000 * 15_000)
        #expect(await reopened.statistics().selectionsCached == 1)
        #expect(await reopened.statistics().selectionsComputed == 1)
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
