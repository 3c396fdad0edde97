public import Alerting
public import Ingest
public import Logging
public import Prometheus
public import Rules
internal import SLO
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
        await scheduler.apply(groups: scheduledGroups(ruleSet, logger: logger))
        await rules.onReload { ruleSet in
            await ingestor.update(ruleSet: ruleSet)
            await scheduler.apply(groups: scheduledGroups(ruleSet, logger: logger))
        }
        return ServerState(
            rules: rules, database: database, store: store, ingestor: ingestor, scheduler: scheduler, registry: registry,
            config: config, logger: logger)
    }

    /// The Prometheus rule groups of `ruleSet` and the groups of its SLOs, as the scheduler runs them.
    static func scheduledGroups(_ ruleSet: RuleSet, logger: Logger) -> [ScheduledGroup] {
        let compiled = SLOCompiler(ruleSet: ruleSet).groups(for: ruleSet.slos)
        for problem in compiled.problems {
            logger.error("SLO not evaluated", metadata: ["slo": "\(problem.sloID)", "error": "\(problem.message)"])
        }
        return ruleSet.groups.map { ScheduledGroup(group: $0) } + compiled.groups
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
