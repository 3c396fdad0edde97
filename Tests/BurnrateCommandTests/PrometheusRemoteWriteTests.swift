import Foundation
import Testing

/// The real client: Debian's Prometheus 2.42 scrapes itself and Burnrate and remote-writes to
/// Burnrate; the samples Burnrate stored are exactly those Prometheus' own API returns.
@Suite(.serialized) struct PrometheusRemoteWriteTests {
    @Test func storedSamplesEqualPrometheus() async throws {
        let directory = try temporaryDirectory()
        try Data("""
            groups:
              - name: reads
                rules:
                  - alert: TargetDown
                    expr: up == 0
                  - record: job:scrape_duration:max
                    expr: max by (job) (scrape_duration_seconds)
                  - alert: BurnrateBusy
                    expr: rate(burnrate_rules_loaded[1m]) > 0
            """.utf8).write(to: directory.appendingPathComponent("reads.yml"))
        let burnratePort = freePort()
        let burnrate = try ServeProcess(
            ["--rules", "reads.yml", "--db", "b.sqlite", "--listen", "127.0.0.1:\(burnratePort)"], in: directory, port: burnratePort)
        try await burnrate.waitUntilReady()

        let prometheusPort = freePort()
        let prometheus = try PrometheusProcess(config: """
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: prometheus
                static_configs: [{targets: ["127.0.0.1:\(prometheusPort)"]}]
              - job_name: burnrate
                static_configs: [{targets: ["127.0.0.1:\(burnratePort)"]}]
            remote_write:
              - url: http://127.0.0.1:\(burnratePort)/api/v1/write
                queue_config: {batch_send_deadline: 500ms, max_shards: 1}
            """, port: prometheusPort)
        defer { prometheus.stop() }
        try await prometheus.waitUntilReady()

        // Let Prometheus scrape for a while, then compare a window that both have complete.
        try await Task.sleep(for: .seconds(12))
        let end = Date().timeIntervalSince1970 - 3
        let end3 = String(format: "%.3f", end)
        for selector in [#"up{job="prometheus"}"#, #"up{job="burnrate"}"#, "scrape_duration_seconds", "burnrate_rules_loaded"] {
            let query = "/api/v1/query?query=\(encodeQuery(selector + "[8s]"))&time=\(end3)"
            let (prometheusStatus, fromPrometheus) = try await prometheus.get(query)
            let (burnrateStatus, fromBurnrate) = try await burnrate.request(query)
            #expect(prometheusStatus == 200)
            #expect(burnrateStatus == 200)
            let expected = try matrix(fromPrometheus)
            #expect(!expected.isEmpty, "Prometheus has no samples for \(selector): \(prometheus.log)")
            #expect(try matrix(fromBurnrate) == expected, "\(selector)")
        }

        // A series no rule reads is not stored, and is counted as dropped.
        let goroutines = "/api/v1/query?query=go_goroutines&time=\(end3)"
        #expect(try matrixOrVector(try await prometheus.get(goroutines).1) > 0)
        #expect(try matrixOrVector(try await burnrate.request(goroutines).1) == 0)
        let status = try await burnrate.request("/api/v1/status/ingest").1
        let data = try #require(try JSONSerialization.jsonObject(with: Data(status.utf8)) as? [String: Any])["data"] as? [String: Any]
        let metrics = data?["metrics"] as? [[String: Any]] ?? []
        #expect(metrics.contains { $0["metric"] as? String == "go_goroutines" && ($0["droppedSamples"] as? Int ?? 0) > 0 })
        #expect((data?["requests"] as? [String: Int])?["204"] ?? 0 > 0)
        let exposition = try await burnrate.request("/metrics").1
        #expect(exposition.contains(#"burnrate_ingest_samples_dropped_total{metric="go_goroutines"}"#))
        #expect(exposition.contains(#"burnrate_ingest_series_dropped_total{metric="go_goroutines"} 1"#))
        #expect(exposition.contains(#"burnrate_ingest_requests_total{code="204"}"#))

        prometheus.stop()
        burnrate.signal(SIGTERM)
        #expect(try await burnrate.waitForExit() == 0)
    }

    /// The series of a matrix answer as label text → [[time, value]], for comparison.
    private func matrix(_ body: String) throws -> [String: [[String]]] {
        let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        let result = ((object?["data"] as? [String: Any])?["result"] as? [[String: Any]]) ?? []
        var series: [String: [[String]]] = [:]
        for entry in result {
            let labels = (entry["metric"] as? [String: String] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            let values = (entry["values"] as? [[Any]] ?? []).map { pair in pair.map { "\($0)" } }
            series[labels] = values
        }
        return series
    }

    private func matrixOrVector(_ body: String) throws -> Int {
        let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        return ((object?["data"] as? [String: Any])?["result"] as? [Any])?.count ?? 0
    }
}
