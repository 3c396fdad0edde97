public import Logging
public import Notify
public import ServiceLifecycle

/// Drives the `Dispatcher`'s timers (`group_wait`, `group_interval`, `repeat_interval`) on an
/// injected clock: flushes what is due, then sleeps until the next due time, at most `resolution`
/// (alerts received from an evaluation in between may make a group due sooner).
public struct NotificationService<C: Clock>: Service where C.Duration == Swift.Duration {
    private let dispatcher: Dispatcher
    private let clock: C
    private let now: @Sendable () -> Int64
    private let resolution: Int64
    private let logger: Logger

    /// Creates the service; `now` gives the wall-clock time in milliseconds since the epoch.
    public init(dispatcher: Dispatcher, clock: C, now: @escaping @Sendable () -> Int64, resolution: Duration = .seconds(1), logger: Logger) {
        self.dispatcher = dispatcher
        self.clock = clock
        self.now = now
        let (seconds, attoseconds) = resolution.components
        self.resolution = max(1, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        self.logger = logger
    }

    /// Flushes due groups until graceful shutdown.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let started = now()
                let next = await dispatcher.tick(now: started)
                let wait = min(max(next == Int64.max ? resolution : next - now(), 0), resolution)
                do {
                    try await clock.sleep(for: .milliseconds(wait))
                } catch {
                    return
                }
            }
        }
    }
}
