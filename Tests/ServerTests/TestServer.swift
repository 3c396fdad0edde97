import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
import Rules
import Server
import Storage

/// A Burnrate server over a temporary rules directory and an in-memory database, driven in-process.
struct TestServer {
    let directory: URL
    let state: ServerState

    /// Writes `files` (name → contents) to a new temporary rules directory and loads them.
    init(files: [String: String], config: BurnrateConfig = .default) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("burnrate-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, contents) in files {
            try Data(contents.utf8).write(to: directory.appendingPathComponent(name))
        }
        let logger = Logger(label: "test")
        let registry = PrometheusCollectorRegistry()
        let rules = try RuleManager(paths: [directory.path], logger: logger, registry: registry)
        state = try await ServerState.make(rules: rules, database: try BurnrateDatabase.inMemory(), registry: registry, config: config, logger: logger)
    }

    /// Replaces or adds a rule file.
    func write(_ name: String, _ contents: String) throws {
        try Data(contents.utf8).write(to: directory.appendingPathComponent(name))
    }

    /// Runs `body` against the router, without a socket.
    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: try BurnrateServer.makeRouter(state: state))
        try await app.test(.router, body)
    }
}

/// Decodes a JSON body into a dictionary.
func json(_ buffer: ByteBuffer) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(String(buffer: buffer).utf8))
    return object as? [String: Any] ?? [:]
}

let validAlertGroup = """
    groups:
      - name: gpu
        interval: 30s
        rules:
          - alert: GPUMemoryHigh
            expr: DCGM_FI_DEV_FB_USED / (DCGM_FI_DEV_FB_USED + DCGM_FI_DEV_FB_FREE) > 0.95
            for: 10m
            keep_firing_for: 5m
            labels:
              severity: ticket
            annotations:
              summary: GPU memory above 95%
          - record: job:vllm_waiting:sum
            expr: sum by (job) (vllm:num_requests_waiting)
    """
