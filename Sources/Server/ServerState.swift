public import Logging
public import Prometheus
public import Rules
public import Storage

/// What the HTTP routes and services of one Burnrate process share.
public struct ServerState: Sendable {
    /// The rules in force.
    public let rules: RuleManager
    /// The database.
    public let database: BurnrateDatabase
    /// The metrics registry `/metrics` exposes.
    public let registry: PrometheusCollectorRegistry
    /// The service configuration.
    public let config: BurnrateConfig
    /// The process logger.
    public let logger: Logger

    /// Creates the shared state.
    public init(rules: RuleManager, database: BurnrateDatabase, registry: PrometheusCollectorRegistry, config: BurnrateConfig, logger: Logger) {
        self.rules = rules
        self.database = database
        self.registry = registry
        self.config = config
        self.logger = logger
    }
}
