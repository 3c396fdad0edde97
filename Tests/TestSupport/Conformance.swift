public import Foundation

/// `../shared/conformance`, the captures of real Prometheus, Alertmanager, Sloth and OpenSLO
/// behaviour that CI and developers have beside the clone.
public enum Conformance {
    /// The repository's root folder.
    public static let repository: URL = URL(fileURLWithPath: #filePath)
        .resolvingSymlinksInPath()
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // the repository

    /// The conformance folder (it may be missing in a user's clone).
    public static let directory: URL = repository.deletingLastPathComponent().appendingPathComponent("shared/conformance")

    /// Whether the folder is present; tests that need it are skipped, saying so, only when it is not.
    public static var isAvailable: Bool { FileManager.default.fileExists(atPath: directory.path) }

    /// Why such a test is skipped.
    public static let missingReason = "../shared/conformance is not beside this clone: conformance tests skipped"
}

/// The remote-write captures in `../shared/conformance/remote-write`.
public enum Captures {
    /// The captures' folder.
    public static let directory = Conformance.directory.appendingPathComponent("remote-write")

    /// Whether the captures are present.
    public static var isAvailable: Bool { FileManager.default.fileExists(atPath: directory.path) }

    /// Names of the `*.snappy` captures, without extension.
    public static func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".snappy") }
            .map { String($0.dropLast(".snappy".count)) }
            .sorted()
    }

    /// The compressed body of a capture.
    public static func body(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name + ".snappy")))
    }

    /// The decoded content Prometheus' own decoder gave for a capture.
    public static func expected(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent(name + ".expected.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}
