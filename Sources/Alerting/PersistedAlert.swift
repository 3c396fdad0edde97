public import Storage

/// One alert of one alerting rule as the alert state store keeps it: enough to rebuild its
/// `AlertState` after a restart.
public struct PersistedAlert: Sendable, Hashable {
    /// The name of the alerting rule.
    public var rule: String
    /// The rule's position in its group, to tell apart rules of the same name.
    public var ruleIndex: Int
    /// The alert's labels.
    public var labels: Labels
    /// Its phase.
    public var phase: AlertState.Phase
    /// When it became active, in milliseconds.
    public var activeAt: Int64
    /// When it started firing.
    public var firedAt: Int64?
    /// When it was resolved.
    public var resolvedAt: Int64?
    /// Since when `keep_firing_for` holds it.
    public var keepFiringSince: Int64?
    /// The expression's last value.
    public var value: Double
    /// The last rendered annotations.
    public var annotations: [String: String]

    /// Creates a record.
    public init(
        rule: String, ruleIndex: Int, labels: Labels, phase: AlertState.Phase, activeAt: Int64, firedAt: Int64? = nil,
        resolvedAt: Int64? = nil, keepFiringSince: Int64? = nil, value: Double, annotations: [String: String]
    ) {
        self.rule = rule
        self.ruleIndex = ruleIndex
        self.labels = labels
        self.phase = phase
        self.activeAt = activeAt
        self.firedAt = firedAt
        self.resolvedAt = resolvedAt
        self.keepFiringSince = keepFiringSince
        self.value = value
        self.annotations = annotations
    }

    /// The record of `state`, an alert of the rule `rule` at `ruleIndex`.
    public init(_ state: AlertState, rule: String, ruleIndex: Int) {
        self.init(
            rule: rule, ruleIndex: ruleIndex, labels: state.labels, phase: state.phase, activeAt: state.activeAt,
            firedAt: state.firedAt, resolvedAt: state.resolvedAt, keepFiringSince: state.keepFiringSince,
            value: state.value, annotations: state.annotations)
    }
}

extension PersistedAlert {
    /// Whether two lists of records hold the same alerts in the same phases since the same times
    /// (everything but the value and the annotations, which change at every evaluation of a
    /// firing SLO alert): what a restart needs to go on where it stopped. The scheduler saves a
    /// group's alerts when this changes, so firing alerts cost no write at every evaluation.
    public static func sameTransitions(_ a: [PersistedAlert], _ b: [PersistedAlert]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            x.ruleIndex == y.ruleIndex && x.rule == y.rule && x.phase == y.phase && x.activeAt == y.activeAt
                && x.firedAt == y.firedAt && x.resolvedAt == y.resolvedAt && x.keepFiringSince == y.keepFiringSince
                && x.labels == y.labels
        }
    }
}
