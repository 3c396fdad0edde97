import Alerting
import Incidents
import Logging
import Storage

/// Minutes as milliseconds, for readable times.
func minutes(_ value: Int64) -> Int64 { value * 60_000 }

/// Labels of an SLO alert of `slo` with `severity`.
func sloAlert(_ slo: String = "checkout-availability", severity: String = "page", extra: [String: String] = [:]) -> [String: String] {
    ["alertname": "CheckoutErrors", "sloth_id": slo, "sloth_service": "checkout", "sloth_slo": "availability", "sloth_severity": severity]
        .merging(extra) { _, new in new }
}

/// An alert firing since `firedAt` (active since then too).
func firing(_ labels: [String: String], since firedAt: Int64) -> AlertState {
    AlertState(
        restoring: PersistedAlert(rule: labels["alertname"] ?? "", ruleIndex: 0, labels: Labels(labels), phase: .firing, activeAt: firedAt, firedAt: firedAt, value: 1, annotations: [:]),
        holdDuration: 0, keepFiringFor: 0)
}

/// An alert that fired at `firedAt` and resolved at `resolvedAt`.
func resolved(_ labels: [String: String], firedAt: Int64, at resolvedAt: Int64) -> AlertState {
    AlertState(
        restoring: PersistedAlert(
            rule: labels["alertname"] ?? "", ruleIndex: 0, labels: Labels(labels), phase: .inactive, activeAt: firedAt, firedAt: firedAt,
            resolvedAt: resolvedAt, value: 1, annotations: [:]),
        holdDuration: 0, keepFiringFor: 0)
}

/// A tracker over a memory store and a memory sink.
func memoryTracker(policy: IncidentPolicy = IncidentPolicy()) -> (IncidentTracker, MemoryIncidentEventSink) {
    let sink = MemoryIncidentEventSink()
    return (IncidentTracker(store: MemoryIncidentStore(), policy: policy, sink: sink, logger: Logger(label: "test")), sink)
}
