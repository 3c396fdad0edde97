import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Debian's Prometheus 2.42, run as a real peer on 127.0.0.1 and stopped by PID.
final class PrometheusProcess: @unchecked Sendable {
    static let binary = "/usr/bin/prometheus"
    static let installHint = "Prometheus 2.42 is missing: apt-get install -y prometheus (scripts/test installs it)"

    let process = Process()
    let port: Int
    let directory: URL

    /// Starts Prometheus with `config` (YAML) in a fresh data folder.
    init(config: String, port: Int) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else { throw ProcessFailure(Self.installHint) }
        self.port = port
        directory = try temporaryDirectory()
        let configFile = directory.appendingPathComponent("prometheus.yml")
        try Data(config.utf8).write(to: configFile)
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = [
            "--config.file=\(configFile.path)",
            "--storage.tsdb.path=\(directory.appendingPathComponent("data").path)",
            "--web.listen-address=127.0.0.1:\(port)",
            "--log.level=warn",
        ]
        let log = directory.appendingPathComponent("prometheus.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    deinit { stop() }

    /// Stops Prometheus (SIGTERM, then SIGKILL) and waits for it.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Waits until `/-/ready` answers 200.
    func waitUntilReady() async throws {
        for _ in 0..<300 {
            if !process.isRunning { throw ProcessFailure("prometheus exited early: \(log)") }
            if let (status, _) = try? await get("/-/ready"), status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ProcessFailure("prometheus was not ready in time: \(log)")
    }

    var log: String { (try? String(contentsOf: directory.appendingPathComponent("prometheus.log"), encoding: .utf8)) ?? "" }

    /// A GET against Prometheus' HTTP API.
    func get(_ pathAndQuery: String) async throws -> (Int, String) {
        let url = URL(string: "http://127.0.0.1:\(port)\(pathAndQuery)")!
        let (data, response) = try await URLSession.shared.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }
}

/// Percent-encodes a query parameter value.
func encodeQuery(_ value: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
}
