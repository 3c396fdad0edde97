internal import Foundation
public import Logging
public import Prometheus
public import Rules

/// Holds the rules in force and swaps them on reload, keeping the old ones when the new files are invalid.
public actor RuleManager {
    /// What a reload did.
    public enum ReloadOutcome: Sendable {
        /// The new rules are in force.
        case applied(RuleSet, warnings: [Diagnostic])
        /// The files are invalid; the previous rules stay in force.
        case refused([Diagnostic])
    }

    /// The rule files or directories read on every load.
    public nonisolated let paths: [String]
    /// The rules in force.
    public private(set) var current: RuleSet
    /// Whether the last load succeeded.
    public private(set) var lastReloadSuccessful = true
    /// The problems of the last load (warnings when it succeeded).
    public private(set) var lastDiagnostics: [Diagnostic] = []
    private let loader: RuleLoader
    private let logger: Logger
    private let metrics: RuleMetrics
    private var observers: [@Sendable (RuleSet) async -> Void] = []

    /// Loads the rules under `paths` for the first time; throws when they are invalid, so that the
    /// service refuses to start on invalid rules.
    public init(paths: [String], logger: Logger, registry: PrometheusCollectorRegistry) throws(RuleValidationError) {
        let loader = RuleLoader()
        let result = loader.load(paths: paths)
        guard result.isValid else { throw RuleValidationError(result.diagnostics) }
        self.paths = paths
        self.loader = loader
        self.logger = logger
        self.metrics = RuleMetrics(registry: registry)
        self.current = result.ruleSet
        self.lastDiagnostics = result.diagnostics
        metrics.applied(result.ruleSet, at: Date().timeIntervalSince1970)
    }

    /// Registers a function called with the new rules after every successful reload.
    public func onReload(_ observer: @escaping @Sendable (RuleSet) async -> Void) {
        observers.append(observer)
    }

    /// Reads the files again and puts them in force if they are valid.
    public func reload() async -> ReloadOutcome {
        let result = loader.load(paths: paths)
        lastDiagnostics = result.diagnostics
        guard result.isValid else {
            lastReloadSuccessful = false
            metrics.refused()
            logger.error("reload refused: rules are invalid, previous rules stay in force", metadata: [
                "errors": "\(result.errors.count)",
                "first": "\(result.errors.first?.description ?? "")",
            ])
            return .refused(result.diagnostics)
        }
        lastReloadSuccessful = true
        current = result.ruleSet
        metrics.applied(result.ruleSet, at: Date().timeIntervalSince1970)
        logger.info("rules reloaded", metadata: [
            "slos": "\(result.ruleSet.slos.count)",
            "groups": "\(result.ruleSet.groups.count)",
            "files": "\(result.ruleSet.files.count)",
        ])
        for observer in observers { await observer(result.ruleSet) }
        return .applied(result.ruleSet, warnings: result.diagnostics)
    }
}
