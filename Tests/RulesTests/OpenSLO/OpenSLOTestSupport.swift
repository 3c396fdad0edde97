import Foundation
@testable import Rules

/// Helpers shared by the OpenSLO tests.
enum OpenSLOTest {
    /// Loads YAML texts given as `(path, contents)`.
    static func load(_ files: (String, String)...) -> LoadResult {
        RuleLoader().load(files: files.map { RuleFile(path: $0.0, contents: $0.1) })
    }

    /// Loads one YAML text as `t.yaml`.
    static func load(_ yaml: String) -> LoadResult {
        load(("t.yaml", yaml))
    }

    /// Loads conformance files (paths relative to `../shared/conformance`).
    static func loadShared(_ relatives: String...) -> LoadResult {
        RuleLoader().load(paths: relatives.map { SharedData.path($0)! })
    }

    /// Every diagnostic as `line:col: message` (the file dropped), warnings marked.
    static func problems(_ result: LoadResult) -> [String] {
        result.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.severity == .warning ? "warning: " : "")\($0.message)" }
    }

    /// `file:line:col` of each error with the file reduced to its last path component.
    static func errorPositions(_ result: LoadResult) -> [String] {
        result.errors.map { "\(($0.location.file as NSString).lastPathComponent):\($0.location.line):\($0.location.column)" }
    }
}

private let nowhere = SourceLocation(file: "", line: 0, column: 0)

extension QueryTemplate {
    /// The template with its location dropped, to compare what two files mean.
    var unplaced: QueryTemplate { QueryTemplate(text, at: nowhere) }
}

extension SLI {
    /// The indicator with its locations dropped.
    var unplaced: SLI {
        switch self {
        case .events(let errors, let total): .events(errors: errors.unplaced, total: total.unplaced)
        case .goodTotal(let good, let total): .goodTotal(good: good.unplaced, total: total.unplaced)
        case .raw(let ratio): .raw(errorRatio: ratio.unplaced)
        case .latency(var latency):
            { latency.location = nowhere; return .latency(latency) }()
        case .gauge(let good): .gauge(good: good.unplaced)
        case .threshold(let query, let op, let value): .threshold(query: query.unplaced, op: op, value: value)
        case .plugin: self
        }
    }
}

extension SLO {
    /// The SLO with every location dropped, to compare what two files mean.
    var unplaced: SLO {
        var copy = self
        copy.location = nowhere
        copy.indicator = indicator.unplaced
        copy.alerting.policies = alerting.policies.map { policy in
            var policy = policy
            policy.location = nowhere
            return policy
        }
        return copy
    }
}
