/// The alerting of one SLO: names, labels and annotations of its page and ticket alerts, their
/// window conditions, and the optional no-data alert.
public struct SLOAlerting: Sendable, Hashable {
    /// The alert name (Sloth's `alerting.name`); nil means the SLO raises no burn-rate alert by name.
    public var name: String?
    /// Labels added to both alerts.
    public var labels: [String: String]
    /// Annotations added to both alerts.
    public var annotations: [String: String]
    /// The page alert; nil when disabled.
    public var page: SLOAlert?
    /// The ticket alert; nil when disabled.
    public var ticket: SLOAlert?
    /// Custom window conditions; nil means the default catalog scaled to the period, as Sloth does.
    public var windows: [AlertWindow]?
    /// Alert when the SLI's series are absent for this long; nil disables it.
    public var noDataAfter: Duration?
    /// OpenSLO alert policies attached to the SLO.
    public var policies: [AlertPolicy]

    /// Creates an alerting section.
    public init(
        name: String? = nil,
        labels: [String: String] = [:],
        annotations: [String: String] = [:],
        page: SLOAlert? = SLOAlert(),
        ticket: SLOAlert? = SLOAlert(),
        windows: [AlertWindow]? = nil,
        noDataAfter: Duration? = nil,
        policies: [AlertPolicy] = []
    ) {
        self.name = name
        self.labels = labels
        self.annotations = annotations
        self.page = page
        self.ticket = ticket
        self.windows = windows
        self.noDataAfter = noDataAfter
        self.policies = policies
    }

    /// No alerts at all.
    public static let none = SLOAlerting(page: nil, ticket: nil)
}

/// The page or ticket alert of an SLO.
public struct SLOAlert: Sendable, Hashable {
    /// Labels of this alert only.
    public var labels: [String: String]
    /// Annotations of this alert only.
    public var annotations: [String: String]

    /// Creates an alert.
    public init(labels: [String: String] = [:], annotations: [String: String] = [:]) {
        self.labels = labels
        self.annotations = annotations
    }
}
