/// A condition on one label of a series, such as `code=~"5.."`.
///
/// A label missing from a series has the empty value, so `job=""` selects series without a
/// `job` label. Regular expressions are fully anchored, as in Prometheus (`5..` must match
/// the whole value). Values compare byte for byte (UTF-8), not by Unicode equivalence.
///
/// Prometheus uses Go's RE2 syntax; Burnrate compiles with Swift's `Regex` after
/// rejecting the Perl features RE2 lacks (look-around, back-references, atomic groups,
/// possessive and nested repetitions). Known differences that remain: Swift accepts a few
/// constructs RE2 rejects (for example `\Z`-style escapes or some Unicode property names),
/// and error messages after `error parsing regexp:` are Swift's, not Go's, except for the
/// RE2-specific checks. Matching uses Unicode scalars and ASCII-only `\d \w \s`, like RE2.
public struct LabelMatcher: Sendable, Hashable, CustomStringConvertible {
    /// The label name, such as `code` or `__name__`.
    public let name: String
    /// The comparison.
    public let type: MatchType
    /// The value or, for `=~` and `!~`, the regular expression as written.
    public let value: String
    private let regex: CompiledRegex?

    /// Creates a matcher, compiling and validating the regular expression for `=~` and `!~`.
    ///
    /// A bad regular expression throws a `ParseError` at offset 0 whose message reads like
    /// Prometheus' (`error parsing regexp: missing closing ): ...`); the parser moves it to
    /// the matcher's position in the query.
    public init(name: String, type: MatchType, value: String) throws(ParseError) {
        self.name = name
        self.type = type
        self.value = value
        if type.isRegex {
            switch CompiledRegex.compile(value) {
            case .success(let compiled):
                regex = compiled
            case .failure(let failure):
                throw ParseError(message: failure.message, offset: 0, line: 1, column: 1)
            }
        } else {
            regex = nil
        }
    }

    /// Creates an equality matcher (`name="value"`), which cannot fail.
    public static func equal(_ name: String, _ value: String) -> LabelMatcher {
        LabelMatcher(unchecked: name, type: .equal, value: value)
    }

    /// Creates an inequality matcher (`name!="value"`), which cannot fail.
    public static func notEqual(_ name: String, _ value: String) -> LabelMatcher {
        LabelMatcher(unchecked: name, type: .notEqual, value: value)
    }

    private init(unchecked name: String, type: MatchType, value: String) {
        self.name = name
        self.type = type
        self.value = value
        self.regex = nil
    }

    /// Whether a label value (the empty string for a missing label) satisfies the matcher.
    public func matches(_ value: String) -> Bool {
        switch type {
        case .equal:
            return value.utf8.elementsEqual(self.value.utf8)
        case .notEqual:
            return !value.utf8.elementsEqual(self.value.utf8)
        case .regexMatch:
            return regex?.matches(value) ?? false
        case .regexNoMatch:
            return !(regex?.matches(value) ?? false)
        }
    }

    /// The matcher as Prometheus prints it: `name`, operator, Go-quoted value.
    public var description: String {
        "\(name)\(type.rawValue)\(GoFormat.quote(value))"
    }

    /// Compares name, type and value byte for byte.
    public static func == (lhs: LabelMatcher, rhs: LabelMatcher) -> Bool {
        lhs.type == rhs.type && lhs.name.utf8.elementsEqual(rhs.name.utf8)
            && lhs.value.utf8.elementsEqual(rhs.value.utf8)
    }

    /// Hashes name, type and value.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(type)
        hasher.combine(name.utf8.count)
        for byte in name.utf8 { hasher.combine(byte) }
        for byte in value.utf8 { hasher.combine(byte) }
    }
}
