/// A Prometheus rule: recording or alerting.
public enum Rule: Sendable, Hashable {
    /// A recording rule.
    case recording(RecordingRule)
    /// An alerting rule.
    case alerting(AlertingRule)

    /// The rule's name: the recorded metric or the alert name.
    public var name: String {
        switch self {
        case .recording(let rule): rule.record
        case .alerting(let rule): rule.alert
        }
    }

    /// The rule's PromQL expression.
    public var expr: String {
        switch self {
        case .recording(let rule): rule.expr
        case .alerting(let rule): rule.expr
        }
    }

    /// Where the rule is defined.
    public var location: SourceLocation {
        switch self {
        case .recording(let rule): rule.location
        case .alerting(let rule): rule.location
        }
    }
}

/// A recording rule: evaluate `expr` and store the result as series named `record`.
public struct RecordingRule: Sendable, Hashable {
    /// The name of the recorded series.
    public var record: String
    /// The PromQL expression.
    public var expr: String
    /// Labels added to (or overriding those of) every result.
    public var labels: [String: String]
    /// Where the rule is defined.
    public var location: SourceLocation

    /// Creates a recording rule.
    public init(record: String, expr: String, labels: [String: String] = [:], location: SourceLocation) {
        self.record = record
        self.expr = expr
        self.labels = labels
        self.location = location
    }
}

/// An alerting rule: alert for every result of `expr` that lasts `for`.
public struct AlertingRule: Sendable, Hashable {
    /// The alert name.
    public var alert: String
    /// The PromQL expression.
    public var expr: String
    /// How long a result must persist before the alert fires; zero fires at once.
    public var `for`: Duration
    /// How long the alert keeps firing after the condition clears.
    public var keepFiringFor: Duration
    /// Labels added to the alert (templates allowed).
    public var labels: [String: String]
    /// Annotations (templates allowed).
    public var annotations: [String: String]
    /// Where the rule is defined.
    public var location: SourceLocation

    /// Creates an alerting rule.
    public init(
        alert: String, expr: String, for: Duration = .zero, keepFiringFor: Duration = .zero,
        labels: [String: String] = [:], annotations: [String: String] = [:], location: SourceLocation
    ) {
        self.alert = alert
        self.expr = expr
        self.for = `for`
        self.keepFiringFor = keepFiringFor
        self.labels = labels
        self.annotations = annotations
        self.location = location
    }
}
