/// Decides whether a deploy may go ahead from the states of the SLOs it touches.
public enum GateEvaluator {
    /// One SLO state's verdict with the reasons in words.
    public struct Result: Sendable, Hashable {
        /// The SLO's state.
        public var status: SLOStatus
        /// The verdict.
        public var verdict: GateVerdict
        /// Why, one sentence per finding (empty for OK).
        public var reasons: [String]
    }

    /// The verdict on one SLO state under `policy`; `incidents` are the state's unresolved
    /// incidents, which deny when the policy blocks on incidents.
    public static func judge(_ status: SLOStatus, policy: GatePolicy, incidents: [GateIncident] = []) -> Result {
        var reasons: [String] = []
        // Insufficient data first: without data, budget figures mean nothing.
        if status.periodErrorRatio == nil || status.events == 0 {
            reasons.append("no events in the period (\(duration(status.period.elapsed)) so far)")
            return Result(status: status, verdict: .insufficientData, reasons: reasons)
        }
        if status.coverage < policy.minCoverage {
            reasons.append("data covers \(percent(status.coverage)) of the period so far, less than the \(percent(policy.minCoverage)) asked")
            return Result(status: status, verdict: .insufficientData, reasons: reasons)
        }
        var breached = false
        if let remaining = status.budgetRemaining {
            if remaining <= 0 {
                breached = true
                reasons.append("error budget exhausted: \(percent(remaining)) left")
            } else if remaining < policy.minRemaining {
                breached = true
                reasons.append("\(percent(remaining)) of the error budget left, less than the \(percent(policy.minRemaining)) required")
            }
        }
        for (window, maximum) in policy.maxBurnRates.sorted(by: { $0.key < $1.key }) {
            guard let rate = status.burnRate(window) else {
                if !status.windows.contains(where: { $0.window == window }) {
                    reasons.append("no burn rate over \(window) (not one of the SLO's windows)")
                    breached = true
                }
                continue
            }
            if rate > maximum {
                breached = true
                reasons.append("burn rate over \(window) is \(number(rate)), above the maximum \(number(maximum))")
            }
        }
        let blocking: Set<String> = switch policy.blockOnFiring {
        case .page: ["page", "critical"]
        case .ticket: ["page", "critical", "ticket", "warning"]
        case .none: []
        }
        var warning = false
        for alert in status.alerts where alert.state == "firing" {
            if blocking.contains(alert.severity) {
                breached = true
                reasons.append("\(alert.severity) alert \(alert.name) is firing")
            } else {
                warning = true
                reasons.append("\(alert.severity) alert \(alert.name) is firing (not blocking)")
            }
        }
        if policy.blockOnIncident {
            for incident in incidents.sorted(by: { $0.id < $1.id }) {
                breached = true
                reasons.append("incident \(incident.id) (\(incident.severity)) is \(incident.status)")
            }
        }
        if breached { return Result(status: status, verdict: .breached, reasons: reasons) }
        for window in ["1h", "6h"] {
            if let rate = status.burnRate(window), rate > 1 {
                warning = true
                reasons.append("burn rate over \(window) is \(number(rate)): the budget is burning faster than it lasts")
            }
        }
        return Result(status: status, verdict: warning ? .warning : .ok, reasons: reasons)
    }

    /// The decision over every state: deny when any is breached, else unknown when any has
    /// insufficient data or an asked SLO is unknown, else allow.
    public static func decide(_ results: [Result], unknownSLOs: [String] = []) -> GateDecision {
        if results.contains(where: { $0.verdict == .breached }) { return .deny }
        if !unknownSLOs.isEmpty || results.isEmpty || results.contains(where: { $0.verdict == .insufficientData }) { return .unknown }
        return .allow
    }

    static func percent(_ value: Double) -> String {
        let scaled = (value * 1000).rounded() / 10
        return (scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)) + "%"
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func duration(_ milliseconds: Int64) -> String {
        let minutes = milliseconds / 60_000
        if minutes < 120 { return "\(minutes)m" }
        let hours = minutes / 60
        if hours < 72 { return "\(hours)h" }
        return "\(hours / 24)d"
    }
}
