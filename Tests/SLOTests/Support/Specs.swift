import Rules
import Testing

/// Loading in-memory specs for the unit tests.
enum Specs {
    /// The SLOs of one in-memory file, expecting a clean load.
    static func slos(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [SLO] {
        let result = RuleLoader().load(files: [RuleFile(path: "spec.yml", contents: yaml)])
        let errors = result.diagnostics.filter { $0.severity == .error }
        try #require(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
        return result.ruleSet.slos
    }

    /// The one SLO of a `burnrate/v1` spec of service `svc` whose SLO body (indented by four
    /// spaces, after `- name: slo`) is `body`.
    static func burnrate(_ body: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> SLO {
        let yaml = """
        version: burnrate/v1
        service: svc
        slos:
          - name: slo
        \(body.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))
        """
        let slos = try slos(yaml, sourceLocation: sourceLocation)
        return try #require(slos.first, sourceLocation: sourceLocation)
    }

    /// An events SLO over `http_requests_total` with alerts named `Errors`, plus `extra` lines.
    static func events(_ extra: String = "", objective: String = "99.9") throws -> SLO {
        try burnrate("""
        objective: \(objective)
        \(extra)
        sli:
          events:
            error_query: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))
            total_query: sum(rate(http_requests_total[{{.window}}]))
        alerting:
          name: Errors
        """)
    }
}

/// Rules of generated groups by name.
extension Array where Element == RuleGroup {
    /// The recording rule recording `record`.
    func recording(_ record: String) -> RecordingRule? {
        for group in self {
            for case .recording(let rule) in group.rules where rule.record == record { return rule }
        }
        return nil
    }

    /// The alerting rules, in order.
    var alerts: [AlertingRule] {
        flatMap(\.rules).compactMap { rule in
            if case .alerting(let alert) = rule { return alert }
            return nil
        }
    }

    /// The recorded names of the SLI group, in order.
    var sliRecords: [String] {
        first { $0.name.hasPrefix("sloth-slo-sli-recordings-") }?.rules.map(\.name) ?? []
    }
}

/// Expects `actual` to print exactly as `expected` once both are parsed.
func expectPromQL(_ actual: String?, _ expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    guard let actual else {
        Issue.record("no expression; expected \(expected)", sourceLocation: sourceLocation)
        return
    }
    #expect(ExprComparison.difference(actual, expected, tolerance: 0) == nil,
            "\(ExprComparison.difference(actual, expected, tolerance: 0) ?? "")", sourceLocation: sourceLocation)
}
