import Foundation
import WebhookTestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The built `burnrate` binary, run as a real process.
enum BurnrateBinary {
    /// The binary beside the test bundle (SwiftPM puts both in the same build folder).
    static let url: URL = {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("burnrate"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("burnrate"),
            Bundle.main.bundleURL.appendingPathComponent("burnrate"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    /// The repository's root folder.
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// Runs the binary to completion.
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}

/// A `burnrate serve` process on a loopback port, stopped by PID.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    let logFile: URL

    /// Starts `burnrate serve` with `arguments` in `directory`; `port` must match the listen address used.
    init(_ arguments: [String], in directory: URL, port: Int) throws {
        self.port = port
        logFile = directory.appendingPathComponent("serve-\(port).log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        process.executableURL = BurnrateBinary.url
        process.arguments = ["serve"] + arguments
        process.currentDirectoryURL = directory
        let handle = try FileHandle(forWritingTo: logFile)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// What the process logged so far.
    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// Waits until `/-/ready` answers 200 (polling a real process, so sleeping is allowed here).
    func waitUntilReady(timeout: Duration = .seconds(180)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if !process.isRunning { throw ProcessFailure("burnrate exited early with \(process.terminationStatus):\n\(log)") }
            if let (status, _) = try? await request("/-/ready"), status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ProcessFailure("burnrate was not ready in time:\n\(log)")
    }

    /// Sends a request and returns the status and body.
    func request(_ path: String, method: String = "GET") async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.timeoutInterval = 10
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// Sends a signal.
    func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the process to exit and returns its status.
    func waitForExit(timeout: Duration = .seconds(30)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline { throw ProcessFailure("burnrate did not exit in time:\n\(log)") }
            try await Task.sleep(for: .milliseconds(50))
        }
        return process.terminationStatus
    }
}

struct ProcessFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A new empty temporary directory.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("burnrate-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A loopback port that was free a moment ago.
func freePort() -> Int {
    LoopbackPort.free()
}
