internal import SLO

/// One SLO state as `GET /api/v1/slos` and the gate show it: definition, period, budget, burn
/// rates, time to exhaustion, alerts and data coverage. Durations in seconds, times in RFC 3339;
/// a figure that cannot be computed (no data) is `null`.
struct SLOStateDocument: Encodable, Sendable {
    let id: String
    let name: String
    let service: String
    let objective: Double
    let labels: [String: String]
    let time: String
    let period: Period
    let budget: Budget
    let errorRatio: Double?
    let errorRatios: [String: Double?]
    let burnRates: [String: Double?]
    let timeToExhaustion: [String: Double?]
    let alerts: [Alert]
    let coverage: Double

    struct Period: Encodable, Sendable {
        let start: String
        let length: Double
        let elapsed: Double
    }

    struct Budget: Encodable, Sendable {
        /// The error budget as a ratio, 1 − objective.
        let ratio: Double
        let events: Double?
        let errorEvents: Double?
        /// Bad events the period may have: ratio × events.
        let total: Double?
        let consumed: Double?
        let remaining: Double?
    }

    struct Alert: Encodable, Sendable {
        let name: String
        let severity: String
        let state: String
        let activeAt: String
    }

    init(_ status: SLOStatus) {
        id = status.id
        name = status.name
        service = status.service
        objective = status.objective
        labels = status.groupLabels
        time = RFC3339Time.format(milliseconds: status.time)
        period = Period(
            start: RFC3339Time.format(milliseconds: status.period.start), length: Double(status.period.length) / 1000,
            elapsed: Double(status.period.elapsed) / 1000)
        budget = Budget(
            ratio: status.errorBudget, events: Self.finite(status.events), errorEvents: Self.finite(status.errorEvents),
            total: Self.finite(status.budgetEvents), consumed: Self.finite(status.budgetConsumed), remaining: Self.finite(status.budgetRemaining))
        errorRatio = Self.finite(status.periodErrorRatio)
        var ratios: [String: Double?] = [:]
        var rates: [String: Double?] = [:]
        var exhaustion: [String: Double?] = [:]
        for window in status.windows {
            ratios[window.window] = Self.finite(window.errorRatio)
            rates[window.window] = Self.finite(window.burnRate)
        }
        for window in ["1h", "6h"] where rates[window] != nil {
            exhaustion[window] = status.timeToExhaustion(window).map { Double($0) / 1000 }
        }
        errorRatios = ratios
        burnRates = rates
        timeToExhaustion = exhaustion
        alerts = status.alerts.map {
            Alert(name: $0.name, severity: $0.severity, state: $0.state, activeAt: RFC3339Time.format(milliseconds: $0.activeAt))
        }
        coverage = status.coverage
    }

    /// JSON has no NaN or infinity.
    static func finite(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        return value
    }
}
