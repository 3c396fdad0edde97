import Foundation
import Testing

/// Locates `../shared/conformance` beside the repository, where CI and developers have it.
enum SharedData {
    /// The conformance folder, or nil when this clone has no `../shared` beside it.
    static let conformance: URL? = {
        var url = URL(fileURLWithPath: #filePath)
        // Tests/RulesTests/Support/SharedData.swift -> repository root
        for _ in 0..<4 { url.deleteLastPathComponent() }
        let candidate = url.deletingLastPathComponent().appendingPathComponent("shared/conformance")
        return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }()

    /// The path of a file under the conformance folder.
    static func path(_ relative: String) -> String? {
        conformance.map { $0.appendingPathComponent(relative).path }
    }

    /// Why a test is skipped when the data is missing.
    static let missingReason = "../shared/conformance is not beside this clone: conformance tests skipped"
}

/// A trait that skips a test, saying why, only when `../shared/conformance` is missing.
let requiresSharedData = Testing.ConditionTrait.enabled(if: SharedData.conformance != nil, Comment(rawValue: SharedData.missingReason))
