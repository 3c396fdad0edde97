public import Rules
public import Storage

/// Applies the inhibition rules: an alert is muted when a rule's target matchers accept it and a
/// firing alert accepted by the source matchers has the same values of the `equal` labels.
/// When the alert also matches the source side, source alerts that match the target side too
/// are not counted, so an alert never inhibits itself (nor one of its peers).
public struct Inhibitor: Sendable {
    private let rules: [InhibitRuleConfig]

    /// An inhibitor for `rules`.
    public init(rules: [InhibitRuleConfig]) {
        self.rules = rules
    }

    /// Whether `labels` is inhibited by one of `firing` (the alerts firing now).
    public func mutes(_ labels: Labels, firing: [Labels]) -> Bool {
        for rule in rules where rule.targetMatchers.matches({ labels[$0] }) {
            let twoSided = rule.sourceMatchers.matches({ labels[$0] })
            for source in firing where rule.sourceMatchers.matches({ source[$0] }) {
                if twoSided, rule.targetMatchers.matches({ source[$0] }) { continue }
                if rule.equal.allSatisfy({ (source[$0] ?? "") == (labels[$0] ?? "") }) { return true }
            }
        }
        return false
    }
}
