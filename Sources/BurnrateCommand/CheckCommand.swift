import ArgumentParser
import Foundation
import Rules

/// `burnrate check`: validates rule files (and optionally the configuration) and prints one line per problem.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate rule files: one `file:line:col: message` line per problem.",
        discussion: """
            PATH may be a file or a directory (searched recursively for *.yml and *.yaml).
            Exit codes: 0 all valid, 1 a problem was found, 2 usage error.
            """
    )

    @Argument(help: "Rule files or directories to check.")
    var paths: [String] = []

    @Option(name: .long, help: "Also check this configuration file and the rule files it names.")
    var config: String?

    @Option(name: .long, help: "Output format: text or json.")
    var output: OutputFormat = .text

    func validate() throws {
        if paths.isEmpty && config == nil {
            throw ValidationError("give at least one rule file or directory, or --config")
        }
    }

    func run() throws {
        var diagnostics: [Diagnostic] = []
        var rulePaths = paths
        if let config {
            let loaded = ConfigLoader.load(path: config)
            diagnostics += loaded.diagnostics
            rulePaths += loaded.config.ruleFiles
        }
        let result = RuleLoader().load(paths: rulePaths)
        diagnostics += result.diagnostics
        let valid = !diagnostics.contains { $0.severity == .error }
        switch output {
        case .text:
            for diagnostic in diagnostics { print(diagnostic.description) }
            let errors = diagnostics.count { $0.severity == .error }
            let summary = valid
                ? "SUCCESS: \(result.ruleSet.files.count) file(s), \(result.ruleSet.slos.count) SLO(s), \(result.ruleSet.groups.count) rule group(s)"
                : "FAILED: \(errors) error(s) in \(result.ruleSet.files.count) file(s)"
            FileHandle.standardError.write(Data((summary + "\n").utf8))
        case .json:
            let report = CheckReport(valid: valid, ruleSet: result.ruleSet, diagnostics: diagnostics)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        }
        if !valid { throw ExitCode(1) }
    }
}

/// How a command prints its result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// The JSON form of `burnrate check`.
struct CheckReport: Encodable {
    struct Problem: Encodable {
        let file: String
        let line: Int
        let column: Int
        let severity: String
        let message: String
    }

    let valid: Bool
    let files: [String]
    let slos: [String]
    let groups: [String]
    let problems: [Problem]

    init(valid: Bool, ruleSet: RuleSet, diagnostics: [Diagnostic]) {
        self.valid = valid
        files = ruleSet.files
        slos = ruleSet.slos.map(\.id)
        groups = ruleSet.groups.map(\.name)
        problems = diagnostics.map {
            Problem(file: $0.location.file, line: $0.location.line, column: $0.location.column,
                    severity: $0.severity.rawValue, message: $0.message)
        }
    }
}
