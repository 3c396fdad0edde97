internal import Foundation
public import Logging
public import Rules
public import ServiceLifecycle
public import Storage

/// Deletes samples older than the retention period, at start and then every `interval`, on an
/// injected clock.
public struct RetentionService<C: Clock>: Service where C.Duration == Swift.Duration {
    private let store: SampleStore
    private let rules: RuleManager
    private let configured: Duration?
    private let interval: Duration
    private let clock: C
    private let now: @Sendable () -> Int64
    private let logger: Logger

    /// Creates the service; `now` gives the wall-clock time in milliseconds since the epoch.
    public init(
        store: SampleStore, rules: RuleManager, configured: Duration?, interval: Duration = .seconds(3600),
        clock: C, now: @escaping @Sendable () -> Int64, logger: Logger
    ) {
        self.store = store
        self.rules = rules
        self.configured = configured
        self.interval = interval
        self.clock = clock
        self.now = now
        self.logger = logger
    }

    /// How long samples are kept: the configured value, or the longest SLO period plus 5 days
    /// (at least 35 days, so 30-day windows are always complete).
    public static func retention(configured: Duration?, ruleSet: RuleSet) -> Duration {
        if let configured { return configured }
        let day = Duration.seconds(86_400)
        let longest = ruleSet.slos.map { slo -> Duration in
            switch slo.period {
            case .rolling(let length): length
            case .calendar(let unit, _):
                switch unit {
                case .day: day
                case .week: day * 7
                case .month: day * 31
                case .quarter: day * 92
                case .year: day * 366
                }
            }
        }.max() ?? .zero
        return max(longest, day * 30) + day * 5
    }

    /// Deletes what is older than the retention boundary once; returns the boundary used.
    @discardableResult
    public func enforce() async throws(StorageError) -> Int64 {
        let retention = Self.retention(configured: configured, ruleSet: await rules.current)
        let (seconds, attoseconds) = retention.components
        let boundary = now() - (seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        let report = try await store.deleteBefore(boundary)
        if report.chunksDeleted > 0 || report.seriesDeleted > 0 {
            logger.info("retention applied", metadata: [
                "before": "\(boundary)", "chunks": "\(report.chunksDeleted)", "series": "\(report.seriesDeleted)",
            ])
        }
        return boundary
    }

    /// Enforces retention now and then every `interval` until graceful shutdown.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await loop()
        }
    }

    private func loop() async {
        while !Task.isCancelled {
            do {
                try await enforce()
            } catch {
                logger.error("retention failed, will retry", metadata: ["error": "\(error.message)"])
            }
            do {
                try await clock.sleep(for: interval)
            } catch {
                return
            }
        }
    }
}
