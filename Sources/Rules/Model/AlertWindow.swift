/// One multi-window burn-rate condition: alert when both windows burn faster than `factor`.
public struct AlertWindow: Sendable, Hashable {
    /// Which alert the condition raises.
    public var severity: AlertSeverity
    /// The short window, which makes the alert reset quickly.
    public var short: Duration
    /// The long window, which makes the alert significant.
    public var long: Duration
    /// The burn-rate threshold both windows must exceed.
    public var factor: Double

    /// Creates a window condition.
    public init(severity: AlertSeverity, short: Duration, long: Duration, factor: Double) {
        self.severity = severity
        self.short = short
        self.long = long
        self.factor = factor
    }
}

/// The two alert severities of an SLO.
public enum AlertSeverity: String, Sendable, Hashable, Codable, CaseIterable {
    /// Fast burn: someone must act now.
    case page
    /// Slow burn: someone must act soon.
    case ticket
}
