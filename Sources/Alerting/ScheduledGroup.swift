public import PromQL
public import Rules
public import Storage

/// A rule group as the scheduler runs it: the group, and how some of its rules depart from plain
/// PromQL evaluation. Prometheus rule files give plain groups; the groups Burnrate generates from
/// SLOs use overrides for their period windows.
public struct ScheduledGroup: Sendable {
    /// The group.
    public var group: RuleGroup
    /// Overrides by rule index.
    public var overrides: [Int: RuleOverride]

    /// Creates a scheduled group.
    public init(group: RuleGroup, overrides: [Int: RuleOverride] = [:]) {
        self.group = group
        self.overrides = overrides
    }
}

/// How the evaluation of one rule departs from its written expression.
public struct RuleOverride: Sendable {
    /// The engine for this rule instead of the group's (e.g. with `observedChange` for exact
    /// period ratios).
    public var engine: Engine?
    /// The expression to evaluate at an evaluation time (milliseconds) instead of the parsed
    /// `expr`, for windows that move with the calendar (a month-to-date window); nil means the
    /// rule produces nothing at that time.
    public var expression: (@Sendable (Int64) -> Expr?)?

    /// Extra annotations for an alerting rule's alerts, computed at each evaluation (time,
    /// storage): keyed by a label set, added to every alert whose labels include it. SLO alerts use
    /// it to say the burn rates and the budget left.
    public var annotations: (@Sendable (Int64, any SampleReader) async -> [Labels: [String: String]])?

    /// Creates an override.
    public init(
        engine: Engine? = nil, expression: (@Sendable (Int64) -> Expr?)? = nil,
        annotations: (@Sendable (Int64, any SampleReader) async -> [Labels: [String: String]])? = nil
    ) {
        self.engine = engine
        self.expression = expression
        self.annotations = annotations
    }
}
