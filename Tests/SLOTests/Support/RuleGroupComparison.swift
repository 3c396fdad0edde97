import Rules

/// Every difference between generated groups and a golden rule file, one line each.
enum RuleGroupComparison {
    /// The differences; empty when the groups are equivalent.
    static func differences(_ actual: [RuleGroup], _ expected: ExpectedRuleFile) -> [String] {
        var problems: [String] = []
        let actualNames = actual.map(\.name)
        let expectedNames = expected.groups.map(\.name)
        guard actualNames == expectedNames else {
            return ["group names differ:\n  ours:     \(actualNames)\n  expected: \(expectedNames)"]
        }
        for (group, golden) in zip(actual, expected.groups) {
            let names = group.rules.map { "\(kind($0)):\($0.name)" }
            let goldenNames = golden.rules.map { "\($0.kind):\($0.name)" }
            guard names == goldenNames else {
                problems.append("\(group.name): rules differ:\n  ours:     \(names)\n  expected: \(goldenNames)")
                continue
            }
            for (index, (rule, goldenRule)) in zip(group.rules, golden.rules).enumerated() {
                let at = "\(group.name) rule #\(index + 1) (\(rule.name))"
                if let difference = ExprComparison.difference(rule.expr, goldenRule.expr) {
                    problems.append("\(at): \(difference)")
                }
                let (labels, annotations, forText) = parts(rule)
                if labels != goldenRule.labels {
                    problems.append("\(at): labels differ:\n  ours:     \(labels.sorted { $0.key < $1.key })\n  expected: \(goldenRule.labels.sorted { $0.key < $1.key })")
                }
                if annotations != goldenRule.annotations {
                    problems.append("\(at): annotations differ:\n  ours:     \(annotations)\n  expected: \(goldenRule.annotations)")
                }
                if forText != goldenRule.forText {
                    problems.append("\(at): for differs: \(forText ?? "none") vs \(goldenRule.forText ?? "none")")
                }
            }
        }
        return problems
    }

    private static func kind(_ rule: Rule) -> String {
        if case .alerting = rule { return "alert" }
        return "record"
    }

    private static func parts(_ rule: Rule) -> ([String: String], [String: String], String?) {
        switch rule {
        case .recording(let recording): (recording.labels, [:], nil)
        case .alerting(let alerting): (alerting.labels, alerting.annotations, alerting.for == .zero ? nil : "\(alerting.for)")
        }
    }
}
