import Foundation
@testable import Rules
import Testing

/// Loading helpers for the Sloth and burnrate/v1 tests.
enum SlothTestSupport {
    /// Loads one in-memory file through the full loader.
    static func load(_ yaml: String, file: String = "spec.yml") -> LoadResult {
        RuleLoader().load(files: [RuleFile(path: file, contents: yaml)])
    }

    /// Loads files of `../shared/conformance/sloth` by their Sloth repository paths.
    static func loadConformance(_ relative: String...) throws -> LoadResult {
        let paths = try relative.map { try #require(SharedData.path("sloth/" + $0)) }
        return RuleLoader().load(paths: paths)
    }

    /// The text of a conformance file.
    static func conformanceText(_ relative: String) throws -> String {
        let path = try #require(SharedData.path("sloth/" + relative))
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    /// The repository root, found through symlinks (the dev package links this folder in).
    static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        // Tests/RulesTests/Sloth/SlothTestSupport.swift -> repository root
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }()

    /// Every problem of a result, one per line, for failure messages.
    static func listing(_ result: LoadResult) -> String {
        result.diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Expects an error at exactly `position` (`file:line:col`) whose message contains `fragment`.
func expectSlothError(
    _ result: LoadResult, at position: String, _ fragment: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let found = result.errors.contains { "\($0.location)" == position && $0.message.contains(fragment) }
    #expect(found, "expected an error at \(position) containing \"\(fragment)\"; got:\n\(SlothTestSupport.listing(result))", sourceLocation: sourceLocation)
}

/// Expects a valid result with no warnings either.
func expectSlothClean(_ result: LoadResult, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(result.diagnostics.isEmpty, "expected no problems; got:\n\(SlothTestSupport.listing(result))", sourceLocation: sourceLocation)
}
