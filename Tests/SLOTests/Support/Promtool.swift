import Foundation
import Testing

/// Prometheus 2.42's `promtool`, the oracle: tests that need it fail, saying how to install it,
/// when it is missing.
enum Promtool {
    static let path = "/usr/bin/promtool"

    /// Runs `promtool test rules file`: its exit status and its output (standard output and error).
    static func testRules(_ file: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (status: Int32, output: String) {
        try #require(FileManager.default.isExecutableFile(atPath: path),
                     "promtool is missing at \(path): install it: apt-get install prometheus", sourceLocation: sourceLocation)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["test", "rules", file.lastPathComponent]
        process.currentDirectoryURL = file.deletingLastPathComponent()
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
