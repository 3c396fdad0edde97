public import Alerting
public import Ingest
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
    /// The samples.
    public let store: SampleStore
    /// The remote-write ingest path.
    public let ingestor: Ingestor
    /// The rule groups' evaluation and alert state.
    public let scheduler: RuleScheduler
    /// The metrics registry `/metrics` exposes.
    public let registry: PrometheusCollectorRegistry
    /// The service configuration.
    public let config: BurnrateConfig
    /// The process logger.
    public let logger: Logger

    /// Opens the sample store over `database` and the ingest path over it, keeping what the rules
    /// in force read; restores the alert state saved in `database`; keeps the ingest filter and
    /// the rule groups in step with rule reloads.
    public static func make(
        rules: RuleManager, database: BurnrateDatabase, registry: PrometheusCollectorRegistry,
        config: BurnrateConfig, logger: Logger
    ) async throws(StorageError) -> ServerState {
        let store = try await SampleStore.open(database: database, logger: logger)
        let ruleSet = await rules.current
        let ingestor = Ingestor(
            store: store, ruleSet: ruleSet, keepAll: config.ingest.keepAll, maxBodyBytes: config.ingest.maxBodyBytes)
        let scheduler = RuleScheduler(
            store: store, stateStore: SQLiteAlertStateStore(database: database),
            settings: RuleScheduler.Settings(
                defaultInterval: config.evaluationInterval, queryOffset: config.ruleQueryOffset,
                externalLabels: config.externalLabels, externalURL: config.externalURL ?? ""),
            logger: logger)
        await scheduler.apply(ruleSet)
        await rules.onReload { ruleSet in
            await ingestor.update(ruleSet: ruleSet)
            await scheduler.apply(ruleSet)
        }
        return ServerState(
            rules: rules, database: database, store: store, ingestor: ingestor, scheduler: scheduler, registry: registry,
            config: config, logger: logger)
    }

    /// Creates the shared state.
    public init(
        rules: RuleManager, database: BurnrateDatabase, store: SampleStore, ingestor: Ingestor, scheduler: RuleScheduler,
        registry: PrometheusCollectorRegistry, config: BurnrateConfig, logger: Logger
    ) {
        self.rules = rules
        self.database = database
        self.store = store
        self.ingestor = ingestor
        self.scheduler = scheduler
        self.registry = registry
        self.config = config
        self.logger = logger
    }
}
