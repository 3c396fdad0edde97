/// How a label matcher compares a label's value: `=`, `!=`, `=~` or `!~`.
public enum MatchType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `=`: the value equals the matcher's value.
    case equal = "="
    /// `!=`: the value differs from the matcher's value.
    case notEqual = "!="
    /// `=~`: the value matches the fully anchored regular expression.
    case regexMatch = "=~"
    /// `!~`: the value does not match the fully anchored regular expression.
    case regexNoMatch = "!~"

    /// The operator as written in PromQL.
    public var description: String { rawValue }

    /// Whether the matcher uses a regular expression.
    public var isRegex: Bool {
        self == .regexMatch || self == .regexNoMatch
    }
}
