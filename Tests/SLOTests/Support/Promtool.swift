import Foundation
import Testing

/// Prometheus 2.42's `promtool`, the oracle: tests that need it fail, saying how to install it,
/// when it is missing.
enum Promtool {
    static let path = "/usr/bin/promtool"

    /// Runs `promtool test rules file`: its exit status and its output (standard output and error).
    /// The wait happens off the cooperative thread pool, so other tests keep running meanwhile.
    static func testRules(_ file: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> (status: Int32, output: String) {
        try #require(FileManager.default.isExecutableFile(atPath: path),
                     "promtool is missing at \(path): install it: apt-get install prometheus", sourceLocation: sourceLocation)
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: path)
                process.arguments = ["test", "rules", file.lastPathComponent]
                process.currentDirectoryURL = file.deletingLastPathComponent()
                let output = Pipe()
                process.standardOutput = output
                process.standardError = output
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: error)
                    return
                }
                let data = output.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: (process.terminationStatus, String(decoding: data, as: UTF8.self)))
            }
        }
    }
}
