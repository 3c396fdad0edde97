internal import Synchronization

/// Decides when what follows an evaluation (alerts to the dispatcher and the incident tracker)
/// has something to do: when the scheduler's alerts changed since the last time, and at least
/// every `refresh` anyway, so that values and annotations reach them as they move (Prometheus
/// re-sends unchanged alerts to Alertmanager every minute for the same reason). With thousands of
/// groups the scheduler wakes up many times a minute, and most wake-ups change no alert.
final class AlertChangeGate: Sendable {
    private struct State {
        var version: Int?
        var lastRun: Int64 = .min
    }

    private let refresh: Int64
    private let state = Mutex(State())

    /// A gate that lets a run through at least every `refresh` milliseconds.
    init(refresh: Int64 = 60_000) {
        self.refresh = refresh
    }

    /// Whether to run at wall time `now` given the scheduler's `alertsVersion`; records the run.
    func shouldRun(version: Int, now: Int64) -> Bool {
        state.withLock { state in
            guard state.version != version || now - state.lastRun >= refresh || now < state.lastRun else { return false }
            state.version = version
            state.lastRun = now
            return true
        }
    }
}
