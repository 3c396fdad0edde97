internal import PromQL

/// A condition on one label of an alert, as Alertmanager writes it in `matchers`, silences and
/// inhibition rules: `severity="critical"`, `team=~"db|infra"`, `env!=dev`.
///
/// A missing label has the empty value; regular expressions are fully anchored and use the RE2
/// syntax that PromQL's matchers use (checked the same way).
public struct AlertMatcher: Sendable, Hashable, CustomStringConvertible {
    /// How the label's value is compared.
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        /// `=`: equal.
        case equal = "="
        /// `!=`: not equal.
        case notEqual = "!="
        /// `=~`: matches the anchored regular expression.
        case regexMatch = "=~"
        /// `!~`: does not match the anchored regular expression.
        case regexNoMatch = "!~"

        /// Alertmanager's order of the operators when it sorts matchers.
        var rank: Int {
            switch self {
            case .equal: 0
            case .notEqual: 1
            case .regexMatch: 2
            case .regexNoMatch: 3
            }
        }
    }

    /// The label name.
    public let name: String
    /// The comparison.
    public let op: Operator
    /// The value, or the regular expression as written.
    public let value: String
    private let matcher: LabelMatcher

    /// Creates a matcher; throws when the regular expression of `=~`/`!~` does not compile.
    public init(name: String, op: Operator, value: String) throws(AlertMatcherError) {
        self.name = name
        self.op = op
        self.value = value
        let type: MatchType = switch op {
        case .equal: .equal
        case .notEqual: .notEqual
        case .regexMatch: .regexMatch
        case .regexNoMatch: .regexNoMatch
        }
        do {
            matcher = try LabelMatcher(name: name, type: type, value: value)
        } catch {
            throw AlertMatcherError(error.message)
        }
    }

    /// An equality matcher, which cannot fail.
    public static func equal(_ name: String, _ value: String) -> AlertMatcher {
        // Equality never compiles a regular expression, so it cannot throw.
        (try? AlertMatcher(name: name, op: .equal, value: value))!
    }

    /// Whether `value` (empty for a missing label) satisfies the matcher.
    public func matches(_ value: String) -> Bool {
        matcher.matches(value)
    }

    /// Alertmanager's form: name, operator, the value quoted as Go's `%q` quotes it.
    public var description: String { matcher.description }

    /// Alertmanager's order of matchers in a route's key: by name, then value, then operator.
    public static func precedes(_ lhs: AlertMatcher, _ rhs: AlertMatcher) -> Bool {
        if lhs.name != rhs.name { return lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8) }
        if lhs.value != rhs.value { return lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8) }
        return lhs.op.rank < rhs.op.rank
    }

    /// Compares name, operator and value.
    public static func == (lhs: AlertMatcher, rhs: AlertMatcher) -> Bool {
        lhs.name == rhs.name && lhs.op == rhs.op && lhs.value == rhs.value
    }

    /// Hashes name, operator and value.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(op)
        hasher.combine(value)
    }
}

extension [AlertMatcher] {
    /// Whether every matcher accepts the label set given as a lookup (a missing label is empty).
    public func matches(_ value: (String) -> String?) -> Bool {
        allSatisfy { $0.matches(value($0.name) ?? "") }
    }

    /// `{a="b",c=~"d"}`, as Alertmanager prints a route's matchers in its key.
    public var keyDescription: String {
        "{" + map(\.description).joined(separator: ",") + "}"
    }
}
