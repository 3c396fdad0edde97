/// An OpenSLO alert policy: conditions and where to send the alert, references resolved.
public struct AlertPolicy: Sendable, Hashable {
    /// The policy's name.
    public var name: String
    /// Its description.
    public var description: String
    /// Whether it alerts when there is no data.
    public var alertWhenNoData: Bool
    /// Whether it alerts when the condition is breached.
    public var alertWhenBreaching: Bool
    /// Whether it alerts when the condition resolves.
    public var alertWhenResolved: Bool
    /// Its conditions (OpenSLO allows one).
    public var conditions: [AlertCondition]
    /// Notification target names.
    public var notificationTargets: [String]
    /// Where it is defined.
    public var location: SourceLocation

    /// Creates a policy.
    public init(
        name: String, description: String = "", alertWhenNoData: Bool = false,
        alertWhenBreaching: Bool = true, alertWhenResolved: Bool = false,
        conditions: [AlertCondition], notificationTargets: [String], location: SourceLocation
    ) {
        self.name = name
        self.description = description
        self.alertWhenNoData = alertWhenNoData
        self.alertWhenBreaching = alertWhenBreaching
        self.alertWhenResolved = alertWhenResolved
        self.conditions = conditions
        self.notificationTargets = notificationTargets
        self.location = location
    }
}

/// An OpenSLO alert condition of kind `burnrate`: the burn rate over `lookbackWindow`
/// compared with `threshold` by `op`, for at least `alertAfter`.
public struct AlertCondition: Sendable, Hashable {
    /// The condition's name.
    public var name: String
    /// Its severity as written (e.g. `page`).
    public var severity: String
    /// The comparison.
    public var op: ComparisonOperator
    /// The burn-rate threshold.
    public var threshold: Double
    /// The window the burn rate is measured over.
    public var lookbackWindow: Duration
    /// How long the comparison must hold before the alert fires.
    public var alertAfter: Duration

    /// Creates a condition.
    public init(name: String, severity: String, op: ComparisonOperator, threshold: Double, lookbackWindow: Duration, alertAfter: Duration) {
        self.name = name
        self.severity = severity
        self.op = op
        self.threshold = threshold
        self.lookbackWindow = lookbackWindow
        self.alertAfter = alertAfter
    }
}
