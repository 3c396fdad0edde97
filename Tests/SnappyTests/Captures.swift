import Foundation

/// The remote-write captures in `../shared/conformance/remote-write`, found from this file.
enum Captures {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .resolvingSymlinksInPath()
        .deletingLastPathComponent()  // SnappyTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // the repository
        .deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/remote-write")

    /// Whether the shared conformance folder is present (tests that need it are skipped if not).
    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: directory.path)
    }

    /// Names of the `*.snappy` captures, without extension.
    static func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".snappy") }
            .map { String($0.dropLast(".snappy".count)) }
            .sorted()
    }

    static func body(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name + ".snappy")))
    }

    static func expected(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent(name + ".expected.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}
