public import Storage

/// The state of one alert of an alerting rule (one label set), as a value-type state machine
/// with Prometheus 2.42's transitions: inactive → pending → firing → resolved (inactive again).
///
/// Feed it one event per evaluation with `on(_:)` and perform the action it returns: write the
/// `ALERTS` and `ALERTS_FOR_STATE` samples, write nothing, or forget the alert. Times are
/// milliseconds since the Unix epoch; nothing here reads a clock.
public struct AlertState: Sendable, Hashable {
    /// Where the alert is in its lifecycle.
    public enum Phase: String, Sendable, Hashable {
        /// Not active: resolved (kept for `resolvedRetention`) or never active.
        case inactive
        /// Active for less than the rule's `for` duration.
        case pending
        /// Active for at least the rule's `for` duration.
        case firing
    }

    /// What happened at one evaluation.
    public enum Event: Sendable, Hashable {
        /// The rule's expression returned this alert's label set, with a value and the
        /// annotations rendered for it.
        case present(at: Int64, value: Double, annotations: [String: String])
        /// The rule's expression did not return this alert's label set.
        case absent(at: Int64)
    }

    /// What the caller does after an event.
    public enum Action: Sendable, Hashable {
        /// Write `ALERTS{alertstate=phase}` = 1 and `ALERTS_FOR_STATE` = `activeAt` in seconds.
        case record(Phase)
        /// Keep the alert (resolved, within retention) but write no sample.
        case keep
        /// Drop the alert: it was pending and went away, or resolved longer than the retention ago.
        case forget
    }

    /// How long a resolved alert is kept (Prometheus' `resolvedRetention`): 15 minutes.
    public static let resolvedRetention: Int64 = 15 * 60 * 1000

    /// The alert's labels: the result's labels without `__name__`, the rule's labels, `alertname`.
    public let labels: Labels
    /// How long the alert must be active before it fires, in milliseconds (`for`).
    public let holdDuration: Int64
    /// How long the alert keeps firing after its condition clears, in milliseconds (`keep_firing_for`).
    public let keepFiringFor: Int64
    /// The current phase.
    public private(set) var phase: Phase
    /// When the alert became active (went pending).
    public private(set) var activeAt: Int64
    /// When the alert started firing, if it has.
    public private(set) var firedAt: Int64?
    /// When the alert was resolved, if it has been.
    public private(set) var resolvedAt: Int64?
    /// Since when the condition has been absent while `keep_firing_for` holds the alert firing.
    public private(set) var keepFiringSince: Int64?
    /// The expression's value at the last evaluation that returned the alert.
    public private(set) var value: Double
    /// The annotations rendered at the last evaluation that returned the alert.
    public private(set) var annotations: [String: String]

    /// A new pending alert, active since `activeAt`.
    public init(labels: Labels, activeAt: Int64, value: Double, annotations: [String: String], holdDuration: Int64, keepFiringFor: Int64 = 0) {
        self.labels = labels
        self.holdDuration = holdDuration
        self.keepFiringFor = keepFiringFor
        self.phase = .pending
        self.activeAt = activeAt
        self.value = value
        self.annotations = annotations
    }

    /// An alert as it was saved: every field restored as it was, so that a restart neither
    /// re-pends a firing alert nor forgets a resolved one.
    public init(restoring record: PersistedAlert, holdDuration: Int64, keepFiringFor: Int64) {
        self.labels = record.labels
        self.holdDuration = holdDuration
        self.keepFiringFor = keepFiringFor
        self.phase = record.phase
        self.activeAt = record.activeAt
        self.firedAt = record.firedAt
        self.resolvedAt = record.resolvedAt
        self.keepFiringSince = record.keepFiringSince
        self.value = record.value
        self.annotations = record.annotations
    }

    /// The same alert under a rule whose `for` or `keep_firing_for` changed on reload.
    public func governed(holdDuration: Int64, keepFiringFor: Int64) -> AlertState {
        AlertState(restoring: PersistedAlert(self, rule: "", ruleIndex: 0), holdDuration: holdDuration, keepFiringFor: keepFiringFor)
    }

    /// Whether the alert is pending or firing (Prometheus' `ActiveAlerts`).
    public var isActive: Bool { phase != .inactive }

    /// Applies one evaluation's outcome and says what to write.
    public mutating func on(_ event: Event) -> Action {
        switch event {
        case .present(let t, let value, let annotations):
            if phase == .inactive {
                // A resolved alert that comes back is a new alert.
                self = AlertState(labels: labels, activeAt: t, value: value, annotations: annotations,
                                  holdDuration: holdDuration, keepFiringFor: keepFiringFor)
            } else {
                self.value = value
                self.annotations = annotations
            }
            keepFiringSince = nil
            return advance(at: t)
        case .absent(let t):
            var keepFiring = false
            if phase == .firing && keepFiringFor > 0 {
                let since = keepFiringSince ?? t
                keepFiringSince = since
                keepFiring = t - since < keepFiringFor
            }
            if keepFiring { return advance(at: t) }
            var action = Action.keep
            if phase == .pending || (resolvedAt.map { t - $0 > Self.resolvedRetention } ?? false) {
                action = .forget
            }
            if phase != .inactive {
                phase = .inactive
                resolvedAt = t
            }
            return action
        }
    }

    private mutating func advance(at t: Int64) -> Action {
        if phase == .pending && t - activeAt >= holdDuration {
            phase = .firing
            firedAt = t
        }
        return .record(phase)
    }
}
