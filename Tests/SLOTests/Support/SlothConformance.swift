import Foundation
import Rules
import Testing

/// Sloth's inputs and generated outputs in `../shared/conformance/sloth`, read at test time.
enum SlothConformance {
    /// The repository root, found through symlinks (a development package may link this folder in).
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        // Tests/SLOTests/Support/SlothConformance.swift -> repository root
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }()

    /// `../shared/conformance/sloth` beside the repository.
    static let directory = repository.deletingLastPathComponent().appendingPathComponent("shared/conformance/sloth")

    /// Whether the folder is present.
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: directory.path) }

    /// Why the conformance tests are skipped.
    static let missingReason = "../shared/conformance/sloth is not beside this clone: Sloth generation conformance tests skipped"

    /// The absolute path of a file by its Sloth repository path.
    static func path(_ relative: String) -> String {
        directory.appendingPathComponent(relative).path
    }

    /// The text of a file.
    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// Loads input files with the real loader and expects no errors.
    static func load(_ relative: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> RuleSet {
        let result = RuleLoader().load(paths: relative.map(path))
        let errors = result.diagnostics.filter { $0.severity == .error }
        try #require(errors.isEmpty, "loading \(relative) failed:\n\(errors.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
        return result.ruleSet
    }

    /// A golden `.tpl` rendered as Sloth's test harness renders it: `{{ .version }}` becomes
    /// `version`, and `{{"text"}}` becomes `text`.
    static func render(template: String, version: String) throws -> String {
        let escaped = try Regex(#"\{\{"(.*?)"\}\}"#)
        return template
            .replacingOccurrences(of: "{{ .version }}", with: version)
            .replacing(escaped) { String($0.output[1].substring ?? "") }
    }
}

/// A trait that skips a test, saying why, only when the conformance folder is missing.
let requiresSlothConformance = Testing.ConditionTrait.enabled(
    if: SlothConformance.isAvailable, Comment(rawValue: SlothConformance.missingReason)
)
