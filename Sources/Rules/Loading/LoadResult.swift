/// What loading rule files produced: the rules that are valid, and every problem found.
public struct LoadResult: Sendable {
    /// The loaded rules. When `isValid` is false, it holds what could be read and must not be put in force.
    public var ruleSet: RuleSet
    /// Every problem, sorted by file, line and column.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(ruleSet: RuleSet, diagnostics: [Diagnostic]) {
        self.ruleSet = ruleSet
        self.diagnostics = diagnostics
    }

    /// True when no problem is an error.
    public var isValid: Bool { !diagnostics.contains { $0.severity == .error } }

    /// The errors only.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}
