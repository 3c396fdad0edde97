/// An inhibition rule: a firing alert matching `sourceMatchers` mutes the alerts matching
/// `targetMatchers` that have the same values of the `equal` labels.
public struct InhibitRuleConfig: Sendable, Hashable {
    /// What the muting alert must match (`source_matchers`, `source_match`, `source_match_re`).
    public var sourceMatchers: [AlertMatcher]
    /// What the muted alerts must match (`target_matchers`, `target_match`, `target_match_re`).
    public var targetMatchers: [AlertMatcher]
    /// Labels whose values must be equal in source and target (both missing counts as equal).
    public var equal: [String]

    /// Creates a rule.
    public init(sourceMatchers: [AlertMatcher], targetMatchers: [AlertMatcher], equal: [String] = []) {
        self.sourceMatchers = sourceMatchers
        self.targetMatchers = targetMatchers
        self.equal = equal
    }
}
