import Foundation
import Testing

let gpuRules = """
    groups:
      - name: gpu
        rules:
          - alert: GPUMemoryHigh
            expr: DCGM_FI_DEV_FB_USED > 0.95
    """

@Suite(.serialized) struct ServeCommandTests {
    @Test func startsOnTheEmbeddedDefaults() async throws {
        let directory = try temporaryDirectory()
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try Data(gpuRules.utf8).write(to: directory.appendingPathComponent("rules/gpu.yml"))
        let server = try ServeProcess([], in: directory, port: 9099)
        try await server.waitUntilReady()
        let (status, body) = try await server.request("/api/v1/rules")
        #expect(status == 200)
        #expect(body.contains("GPUMemoryHigh"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("data/burnrate.sqlite").path))
        server.signal(SIGTERM)
        #expect(try await server.waitForExit() == 0)
        #expect(server.log.contains("sample heads persisted"))
    }

    @Test func refusesToStartOnInvalidRules() throws {
        let directory = try temporaryDirectory()
        try Data("groups:\n  - name: a\n    rules:\n      - record: 'bad name'\n        expr: up\n".utf8)
            .write(to: directory.appendingPathComponent("bad.yml"))
        let result = try BurnrateBinary.run(["serve", "--rules", "bad.yml", "--listen", "127.0.0.1:\(freePort())"], in: directory)
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.yml:4:17: recording rule \"bad name\": invalid recording rule name: bad name"))
    }

    @Test func sighupReloadsAndKeepsOldRulesWhenInvalid() async throws {
        let directory = try temporaryDirectory()
        let rules = directory.appendingPathComponent("gpu.yml")
        try Data(gpuRules.utf8).write(to: rules)
        let port = freePort()
        let server = try ServeProcess(
            ["--rules", "gpu.yml", "--db", "state/b.sqlite", "--listen", "127.0.0.1:\(port)"], in: directory, port: port)
        try await server.waitUntilReady()

        // Invalid rules: the reload is refused and the old rules stay.
        try Data("groups:\n  - name: gpu\n    rules:\n      - alert: Renamed\n        expr: up >\n".utf8).write(to: rules)
        server.signal(SIGHUP)
        try await waitFor(server, metric: "burnrate_config_last_reload_successful 0.0")
        #expect(try await server.request("/api/v1/rules").1.contains("GPUMemoryHigh"))

        // Valid rules again: the reload applies.
        try Data(gpuRules.replacingOccurrences(of: "GPUMemoryHigh", with: "GPUMemoryVeryHigh").utf8).write(to: rules)
        server.signal(SIGHUP)
        try await waitFor(server, metric: "burnrate_config_last_reload_successful 1.0")
        #expect(try await server.request("/api/v1/rules").1.contains("GPUMemoryVeryHigh"))

        server.signal(SIGINT)
        #expect(try await server.waitForExit() == 0)
    }

    @Test func usageErrors() throws {
        #expect(try BurnrateBinary.run(["serve", "--listen", "nowhere"]).status == 2)
        #expect(try BurnrateBinary.run(["serve", "--log-level", "loud"]).status == 2)
    }

    private func waitFor(_ server: ServeProcess, metric: String) async throws {
        for _ in 0..<200 {
            if try await server.request("/metrics").1.contains(metric) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ProcessFailure("metric \(metric) never appeared:\n\(server.log)")
    }
}

@Suite(.serialized) struct QueryCommandTests {
    @Test func queriesARunningServer() async throws {
        let directory = try temporaryDirectory()
        try Data(gpuRules.utf8).write(to: directory.appendingPathComponent("gpu.yml"))
        let port = freePort()
        let server = try ServeProcess(["--rules", "gpu.yml", "--db", "q.sqlite", "--listen", "127.0.0.1:\(port)"], in: directory, port: port)
        try await server.waitUntilReady()
        let url = "http://127.0.0.1:\(port)"
        let scalar = try BurnrateBinary.run(["query", "--server", url, "--time", "100", "2 * 21"])
        #expect(scalar.status == 0, "\(scalar.stderr)")
        #expect(scalar.stdout == "42 @100\n")
        let json = try BurnrateBinary.run(["query", "--server", url, "--time", "100", "--output", "json", "vector(1)"])
        #expect(json.stdout == #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[100,"1"]}]}}"# + "\n")
        let bad = try BurnrateBinary.run(["query", "--server", url, "sum(("])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("bad_data"))
        server.signal(SIGTERM)
        #expect(try await server.waitForExit() == 0)
        let unreachable = try BurnrateBinary.run(["query", "--server", url, "up"])
        #expect(unreachable.status == 4)
    }
}
