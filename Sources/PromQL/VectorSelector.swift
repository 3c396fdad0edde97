/// An instant vector selector: an optional metric name, label matchers and `offset`/`@` modifiers.
///
/// `name` holds the metric name written before the braces; a `__name__` matcher written
/// inside the braces stays in `matchers` (as in Prometheus). The parser stores `matchers`
/// sorted the way Prometheus prints them, so printing and re-parsing gives an equal value.
public struct VectorSelector: Sendable, Hashable {
    /// The metric name written before the braces, if any.
    public var name: String?
    /// The matchers written inside the braces.
    public var matchers: [LabelMatcher]
    /// The `offset` modifier; negative for `offset -5m`.
    public var offset: PromDuration?
    /// The `@` modifier.
    public var at: AtModifier?

    /// Creates a selector.
    public init(name: String? = nil, matchers: [LabelMatcher] = [], offset: PromDuration? = nil, at: AtModifier? = nil) {
        self.name = name
        self.matchers = matchers
        self.offset = offset
        self.at = at
    }

    /// All matchers a series must satisfy, with the metric name as a `__name__="…"` matcher first.
    public var allMatchers: [LabelMatcher] {
        guard let name else { return matchers }
        return [.equal("__name__", name)] + matchers
    }

    /// The metric name the selector selects: the written name, or the value of an `__name__="…"` matcher.
    public var metricName: String? {
        if let name { return name }
        return matchers.first { $0.name == "__name__" && $0.type == .equal }?.value
    }

    /// Whether a series with these labels is selected (a missing label counts as empty).
    public func matches(_ labels: [String: String]) -> Bool {
        allMatchers.allSatisfy { $0.matches(labels[$0.name] ?? "") }
    }
}
