/// Where one SLO (one label set of a grouped SLO) stands at one time: its period's exact
/// traffic-weighted error ratio and events, burn rates per window, data coverage and alerts.
///
/// Budget figures follow `docs/slo.md`: the error budget is `1 − objective` of the period's events;
/// burn rate is error ratio ÷ (1 − objective); budget remaining is 1 − period burn rate (negative
/// once overspent); time to exhaustion is remaining × period ÷ burn rate.
public struct SLOStatus: Sendable, Hashable {
    /// The SLO's id.
    public var id: String
    /// Its name within its service.
    public var name: String
    /// Its service.
    public var service: String
    /// The objective, a ratio in (0, 1].
    public var objective: Double
    /// The values of the SLO's `group_by` labels for this state (empty when ungrouped).
    public var groupLabels: [String: String]
    /// The evaluation time, milliseconds since the epoch.
    public var time: Int64
    /// The budget period at `time`.
    public var period: PeriodWindow
    /// The error ratio over the period: errors over the period ÷ events over the period (not a
    /// mean of short ratios); nil when the period has no data.
    public var periodErrorRatio: Double?
    /// Events over the period, for SLIs that count events.
    public var events: Double?
    /// Bad events over the period, for SLIs that count events.
    public var errorEvents: Double?
    /// The error ratio and burn rate over each alert window.
    public var windows: [WindowStatus]
    /// The share of the period so far (`period.elapsed`) covered by data, in [0, 1].
    public var coverage: Double
    /// The SLO's alerts that are pending or firing.
    public var alerts: [SLOAlertStatus]

    /// Creates a status.
    public init(
        id: String, name: String, service: String, objective: Double, groupLabels: [String: String] = [:], time: Int64,
        period: PeriodWindow, periodErrorRatio: Double?, events: Double? = nil, errorEvents: Double? = nil,
        windows: [WindowStatus] = [], coverage: Double, alerts: [SLOAlertStatus] = []
    ) {
        self.id = id
        self.name = name
        self.service = service
        self.objective = objective
        self.groupLabels = groupLabels
        self.time = time
        self.period = period
        self.periodErrorRatio = periodErrorRatio
        self.events = events
        self.errorEvents = errorEvents
        self.windows = windows
        self.coverage = coverage
        self.alerts = alerts
    }

    /// The error budget as a ratio of events: 1 − objective.
    public var errorBudget: Double { 1 - objective }

    /// The period's burn rate: period error ratio ÷ error budget.
    public var periodBurnRate: Double? {
        guard let ratio = periodErrorRatio, errorBudget > 0 else { return nil }
        return ratio / errorBudget
    }

    /// The share of the period's budget consumed (may exceed 1).
    public var budgetConsumed: Double? { periodBurnRate }

    /// The share of the period's budget left: 1 − consumed; negative once overspent.
    public var budgetRemaining: Double? { periodBurnRate.map { 1 - $0 } }

    /// The budget in events: error budget × events over the period.
    public var budgetEvents: Double? { events.map { errorBudget * $0 } }

    /// The burn rate over the window named `window` (`1h`), if known.
    public func burnRate(_ window: String) -> Double? {
        windows.first { $0.window == window }?.burnRate
    }

    /// How long, in milliseconds, until the budget is exhausted at the burn rate of `window`:
    /// remaining × period length ÷ burn rate. Zero when already exhausted; nil when the budget is
    /// not burning (burn rate 0 or unknown).
    public func timeToExhaustion(_ window: String) -> Int64? {
        guard let remaining = budgetRemaining, let rate = burnRate(window) else { return nil }
        if remaining <= 0 { return 0 }
        guard rate > 0, rate.isFinite else { return nil }
        let milliseconds = remaining * Double(period.length) / rate
        return milliseconds >= Double(Int64.max) ? nil : Int64(milliseconds)
    }
}

/// The budget period at one evaluation.
public struct PeriodWindow: Sendable, Hashable {
    /// When the period began (milliseconds): `time − length` for a rolling period, the calendar
    /// boundary for a calendar one.
    public var start: Int64
    /// The full length of the period in milliseconds (30 days; this month's length).
    public var length: Int64
    /// How much of the period has passed at the evaluation time (the length, for a rolling period).
    public var elapsed: Int64

    /// Creates a period window.
    public init(start: Int64, length: Int64, elapsed: Int64) {
        self.start = start
        self.length = length
        self.elapsed = elapsed
    }
}

/// The error ratio and burn rate over one window.
public struct WindowStatus: Sendable, Hashable {
    /// The window as Prometheus writes durations (`5m`, `1h`, `3d`).
    public var window: String
    /// The window in milliseconds.
    public var milliseconds: Int64
    /// The error ratio, nil without data.
    public var errorRatio: Double?
    /// Error ratio ÷ error budget.
    public var burnRate: Double?

    /// Creates a window status.
    public init(window: String, milliseconds: Int64, errorRatio: Double?, burnRate: Double?) {
        self.window = window
        self.milliseconds = milliseconds
        self.errorRatio = errorRatio
        self.burnRate = burnRate
    }
}

/// One of an SLO's alerts that is pending or firing.
public struct SLOAlertStatus: Sendable, Hashable {
    /// The alert name.
    public var name: String
    /// Its severity (`page`, `ticket`, or the alert's `severity` label).
    public var severity: String
    /// `pending` or `firing`.
    public var state: String
    /// When it became active (milliseconds).
    public var activeAt: Int64

    /// Creates an alert status.
    public init(name: String, severity: String, state: String, activeAt: Int64) {
        self.name = name
        self.severity = severity
        self.state = state
        self.activeAt = activeAt
    }
}
