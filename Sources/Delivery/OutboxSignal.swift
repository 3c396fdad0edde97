import Synchronization

/// A wake-up call from the outbox to its deliverer: `raise()` after a commit, `wait()` in the
/// deliverer's idle loop. A raise with nobody waiting is remembered until the next `wait()`, so
/// none is lost between a deliverer's last look at the outbox and its sleep.
public final class OutboxSignal: Sendable {
    private struct Waiter {
        var id: Int
        var continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var raised = false
        var waiters: [Waiter] = []
        var nextID = 0
    }

    private let state = Mutex(State())

    /// A signal not raised.
    public init() {}

    /// Whether a raise waits for the next `wait()` (nobody was waiting when it came).
    public var isRaised: Bool { state.withLock { $0.raised } }

    /// Wakes every waiter, or the next one to wait when none does.
    public func raise() {
        let waiters = state.withLock { state -> [Waiter] in
            if state.waiters.isEmpty {
                state.raised = true
                return []
            }
            let waiters = state.waiters
            state.waiters = []
            return waiters
        }
        for waiter in waiters { waiter.continuation.resume() }
    }

    /// Returns when the signal is raised (at once if it was raised since the last wait), or when
    /// the task is cancelled.
    public func wait() async {
        let id = state.withLock { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    // A cancelled waiter leaves a raise for the next one.
                    if Task.isCancelled { return true }
                    if state.raised {
                        state.raised = false
                        return true
                    }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume()
        }
    }
}
