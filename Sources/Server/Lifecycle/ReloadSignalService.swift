internal import Logging
public import ServiceLifecycle
internal import UnixSignals

/// Reloads the rules on every SIGHUP, for as long as the service group runs.
public struct ReloadSignalService: Service {
    private let rules: RuleManager

    /// Creates the service.
    public init(rules: RuleManager) {
        self.rules = rules
    }

    /// Waits for SIGHUP and reloads, until graceful shutdown.
    public func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            _ = await rules.reload()
        }
    }
}
