/// The gate's verdict on one SLO state.
public enum GateVerdict: String, Sendable, Hashable, Codable {
    /// Within every limit, nothing to watch.
    case ok = "OK"
    /// Within every limit, but burning faster than the budget lasts (a burn rate above 1) or a
    /// non-blocking alert firing.
    case warning = "WARNING"
    /// A limit is broken: budget below the minimum, a burn rate above its maximum, or a blocking
    /// alert firing. Denies the deploy.
    case breached = "BREACHED"
    /// No events in the period, or less of it covered by data than the policy asks.
    case insufficientData = "INSUFFICIENT_DATA"
}

/// The gate's answer: allow, deny, or unknown (insufficient data or an unknown SLO).
public enum GateDecision: String, Sendable, Hashable, Codable {
    case allow, deny, unknown

    /// The exit code of `burnrate gate`: 0 allow, 1 deny, 3 unknown.
    public var exitCode: Int32 {
        switch self {
        case .allow: 0
        case .deny: 1
        case .unknown: 3
        }
    }
}
