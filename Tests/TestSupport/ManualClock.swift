import Synchronization

/// A clock that moves only when a test advances it, so that services which sleep on an injected
/// clock (rule evaluation, retention) run instantly and deterministically in tests.
///
/// Its instants count from `start`, in milliseconds since the Unix epoch, so it also serves as
/// the wall clock (`nowMilliseconds`).
public final class ManualClock: Clock, Sendable {
    /// A point on the manual clock.
    public struct Instant: InstantProtocol {
        /// The time since the Unix epoch.
        public var sinceEpoch: Duration

        public func advanced(by duration: Duration) -> Instant { Instant(sinceEpoch: sinceEpoch + duration) }
        public func duration(to other: Instant) -> Duration { other.sinceEpoch - sinceEpoch }
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.sinceEpoch < rhs.sinceEpoch }
    }

    private struct Sleeper {
        var id: Int
        var deadline: Instant
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Instant
        var sleepers: [Sleeper] = []
        var nextID = 0
    }

    private let state: Mutex<State>

    /// A clock reading `start` milliseconds since the epoch.
    public init(start milliseconds: Int64) {
        state = Mutex(State(now: Instant(sinceEpoch: .milliseconds(milliseconds))))
    }

    public var now: Instant { state.withLock { $0.now } }
    public var minimumResolution: Duration { .milliseconds(1) }

    /// The current time in milliseconds since the epoch.
    public var nowMilliseconds: Int64 {
        let (seconds, attoseconds) = now.sinceEpoch.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }

    /// The deadlines of the tasks sleeping on the clock, in milliseconds since the epoch, earliest first.
    public var deadlines: [Int64] {
        state.withLock { state in
            state.sleepers.map { sleeper -> Int64 in
                let (seconds, attoseconds) = sleeper.deadline.sinceEpoch.components
                return seconds * 1000 + attoseconds / 1_000_000_000_000_000
            }.sorted()
        }
    }

    /// How many tasks are sleeping on the clock.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        let id = state.withLock { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resumeNow = state.withLock { state -> Bool in
                    if deadline <= state.now || Task.isCancelled { return true }
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    return false
                }
                if resumeNow {
                    if Task.isCancelled { continuation.resume(throwing: CancellationError()) } else { continuation.resume() }
                }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> Sleeper? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return state.sleepers.remove(at: index)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves the clock forward and wakes every sleeper whose deadline has come.
    public func advance(by duration: Duration) {
        let due = state.withLock { state -> [Sleeper] in
            state.now = state.now.advanced(by: duration)
            let now = state.now
            let due = state.sleepers.filter { $0.deadline <= now }
            state.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Waits (yielding, never sleeping) until at least `count` tasks sleep on the clock.
    public func waitForSleepers(_ count: Int = 1) async {
        while sleeperCount < count { await Task.yield() }
    }
}
