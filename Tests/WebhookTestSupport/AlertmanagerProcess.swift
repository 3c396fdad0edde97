public import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Debian's Alertmanager 0.25 (`prometheus-alertmanager`), run as a real process on 127.0.0.1
/// with clustering off and its state in a fresh folder, stopped by PID.
public final class AlertmanagerProcess: @unchecked Sendable {
    public static let binary = "/usr/bin/prometheus-alertmanager"
    public static let installHint =
        "Alertmanager 0.25 is missing: apt-get install -y prometheus-alertmanager (scripts/test installs it)"

    public let port: Int
    public let directory: URL
    private let process = Process()

    /// The URL it is reachable at, also its `--web.external-url` (`externalURL` of its payloads).
    public var url: String { "http://127.0.0.1:\(port)" }

    /// Starts Alertmanager with `config` (YAML).
    public init(config: String) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else { throw SinkError(Self.installHint) }
        port = LoopbackPort.free()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("alertmanager-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let configFile = directory.appendingPathComponent("alertmanager.yml")
        try Data(config.utf8).write(to: configFile)
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = [
            "--config.file=\(configFile.path)",
            "--storage.path=\(directory.appendingPathComponent("data").path)",
            "--web.listen-address=127.0.0.1:\(port)",
            "--web.external-url=http://127.0.0.1:\(port)",
            "--cluster.listen-address=",
            "--log.level=debug",
        ]
        let log = directory.appendingPathComponent("alertmanager.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// What it logged so far.
    public var log: String {
        (try? String(contentsOf: directory.appendingPathComponent("alertmanager.log"), encoding: .utf8)) ?? ""
    }

    /// Waits until `/-/ready` answers 200 (polling a real process; up to 180 s on a loaded machine).
    public func waitUntilReady(timeout: Duration = .seconds(180)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if !process.isRunning { throw SinkError("alertmanager exited early with \(process.terminationStatus):\n\(log)") }
            if let (status, _) = try? await request("GET", "/-/ready"), status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw SinkError("alertmanager was not ready in time:\n\(log)")
    }

    /// Posts alerts (a JSON array, API v2's `postableAlerts`) to `/api/v2/alerts`.
    public func post(alerts json: String) async throws {
        let (status, body) = try await request("POST", "/api/v2/alerts", body: json)
        guard status == 200 else { throw SinkError("alertmanager answered \(status) to POST /api/v2/alerts: \(body)") }
    }

    /// Sends a request to its HTTP API.
    public func request(_ method: String, _ path: String, body: String? = nil) async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: url + path)!)
        request.httpMethod = method
        request.timeoutInterval = 30
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// Stops it (SIGTERM, then SIGKILL after 10 s), polling until it exited.
    public func stop() async {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        let deadline = ContinuousClock.now + .seconds(10)
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
    }
}
