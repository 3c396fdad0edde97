/// A condition on one label of a series, as in a PromQL selector: `name op "value"`.
///
/// Prometheus semantics: a series without the label is matched as if the label's value were the
/// empty string (so `a=""` selects series without `a`, and `a!="x"` selects them too), and
/// regular expressions are fully anchored (`=~"5.."` matches `500`, not `1500`), compiled as
/// `^(?:value)$`. The PromQL module converts its own matchers to this type.
public struct SeriesMatcher: Sendable, Hashable, CustomStringConvertible {
    /// How the label's value is compared.
    public enum Operator: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
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
    }

    /// The label name.
    public let name: String
    /// The comparison.
    public let op: Operator
    /// The value, or the regular expression for `=~` and `!~`.
    public let value: String
    private let pattern: ValuePattern?

    /// Creates a matcher, compiling the regular expression of `=~` and `!~`; throws
    /// `.invalidArgument` when it does not compile.
    public init(_ name: String, _ op: Operator, _ value: String) throws(StorageError) {
        self.name = name
        self.op = op
        self.value = value
        switch op {
        case .equal, .notEqual:
            pattern = nil
        case .regexMatch, .regexNoMatch:
            pattern = try ValuePattern(value)
        }
    }

    /// A `name="value"` matcher.
    public static func equal(_ name: String, _ value: String) -> SeriesMatcher {
        // Equality never compiles a regular expression, so it cannot fail.
        try! SeriesMatcher(name, .equal, value)
    }

    /// A `name!="value"` matcher.
    public static func notEqual(_ name: String, _ value: String) -> SeriesMatcher {
        try! SeriesMatcher(name, .notEqual, value)
    }

    /// A `__name__="metric"` matcher.
    public static func metricName(_ metric: String) -> SeriesMatcher {
        equal(Label.metricName, metric)
    }

    /// Whether a label value (the empty string for a missing label) satisfies the matcher.
    public func matches(_ labelValue: String) -> Bool {
        switch op {
        case .equal: labelValue == value
        case .notEqual: labelValue != value
        case .regexMatch: pattern?.matches(labelValue) ?? false
        case .regexNoMatch: !(pattern?.matches(labelValue) ?? false)
        }
    }

    /// Whether the series with these labels satisfies the matcher.
    public func matches(_ labels: Labels) -> Bool {
        matches(labels[name] ?? "")
    }

    /// Whether a series without the label satisfies the matcher.
    var matchesEmpty: Bool { matches("") }

    /// The matcher as PromQL writes it: `name="value"`.
    public var description: String { "\(name)\(op.rawValue)\(Labels.quoted(value))" }

    /// Compares name, operator and value.
    public static func == (lhs: SeriesMatcher, rhs: SeriesMatcher) -> Bool {
        lhs.name == rhs.name && lhs.op == rhs.op && lhs.value == rhs.value
    }

    /// Hashes name, operator and value.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(op)
        hasher.combine(value)
    }
}
