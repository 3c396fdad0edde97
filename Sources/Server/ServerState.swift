public import Alerting
internal import Foundation
public import Delivery
public import Incidents
public import Ingest
public import Logging
public import Notify
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
    /// The incidents, fed the alerts after each evaluation (`trackIncidents(now:)`).
    public let incidents: IncidentTracker
    /// Alertmanager's part: routing, grouping, inhibition, silences; fed the alerts after each
    /// evaluation (`notify(now:)`), its decisions written to `outbox`.
    public let dispatcher: Dispatcher
    /// The notifications decided and not yet delivered, and the notification log.
    public let outbox: SQLiteOutbox
    /// The silences.
    public let silences: SQLiteSilenceStore
    /// The metrics registry `/metrics` exposes.
    public let registry: PrometheusCollectorRegistry
    /// The service configuration.
    public let config: BurnrateConfig
    /// The process logger.
    public let logger: Logger
    /// When what follows an evaluation has work to do.
    let afterEvaluationGate = AlertChangeGate()

    /// Opens the sample store over `database` and the ingest path over it, keeping what the rules
    /// in force read; restores the alert state saved in `database`; keeps the ingest filter and
    /// the rule groups in step with rule reloads.
    public static func make(
        rules: RuleManager, database: BurnrateDatabase, registry: PrometheusCollectorRegistry,
        config: BurnrateConfig, logger: Logger
    ) async throws(StorageError) -> ServerState {
        let store = try await SampleStore.open(database: database, configuration: .service, logger: logger)
        let ruleSet = await rules.current
        let ingestor = Ingestor(
            store: store, ruleSet: ruleSet, keepAll: config.ingest.keepAll, maxBodyBytes: config.ingest.maxBodyBytes,
            decodeParallelism: min(4, ProcessInfo.processInfo.activeProcessorCount))
        let scheduler = RuleScheduler(
            store: store, stateStore: SQLiteAlertStateStore(database: database),
            settings: RuleScheduler.Settings(
                defaultInterval: config.evaluationInterval, queryOffset: config.ruleQueryOffset,
                externalLabels: config.externalLabels, externalURL: config.externalURL ?? "",
                outputCommitInterval: Self.ruleOutputCommitInterval),
            logger: logger)
        await scheduler.apply(groups: scheduledGroups(ruleSet, logger: logger))
        let outbox = SQLiteOutbox(database: database)
        let incidents = IncidentTracker(
            store: SQLiteIncidentStore(database: database), policy: incidentPolicy(config.incidents),
            sink: config.incidents.receivers.isEmpty ? nil : OutboxIncidentEventSink(outbox: outbox, config: config, logger: logger),
            logger: logger)
        await incidents.apply(slos: ruleSet.slos)
        let silences = SQLiteSilenceStore(database: database)
        let dispatcher = Dispatcher(
            config: config.notifications, outbox: outbox, silences: silences, externalURL: config.externalURL ?? "", logger: logger)
        await rules.onReload { ruleSet in
            await ingestor.update(ruleSet: ruleSet)
            await scheduler.apply(groups: scheduledGroups(ruleSet, logger: logger))
            await incidents.apply(slos: ruleSet.slos)
        }
        return ServerState(
            rules: rules, database: database, store: store, ingestor: ingestor, scheduler: scheduler, incidents: incidents,
            dispatcher: dispatcher, outbox: outbox, silences: silences, registry: registry, config: config, logger: logger)
    }

    /// The Prometheus rule groups of `ruleSet` and the groups of its SLOs, as the scheduler runs them.
    static func scheduledGroups(_ ruleSet: RuleSet, logger: Logger) -> [ScheduledGroup] {
        let compiled = SLOCompiler(ruleSet: ruleSet).groups(for: ruleSet.slos)
        for problem in compiled.problems {
            logger.error("SLO not evaluated", metadata: ["slo": "\(problem.sloID)", "error": "\(problem.message)"])
        }
        return ruleSet.groups.map { ScheduledGroup(group: $0) } + compiled.groups
    }

    /// The tracker's policy from the `incidents:` section.
    static func incidentPolicy(_ config: IncidentsConfig) -> IncidentPolicy {
        IncidentPolicy(openOn: Set(config.openOn), keyLabels: config.keyLabels, reopenWithin: milliseconds(config.reopenWithin))
    }

    /// How long the scheduler lets rule output wait for later wake-ups before committing it
    /// (`RuleScheduler.Settings.outputCommitInterval`): with thousands of groups, wake-ups come
    /// every half second (`RuleEvaluationService.defaultCoalescing`), and a transaction for each
    /// were 8% of the CPU of rule evaluation in a profile of 1,000 SLOs. A `kill -9` loses at most this much
    /// rule output; alert state is saved at once.
    public static let ruleOutputCommitInterval: Duration = .seconds(5)

    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }

    /// Passes every alert of the scheduler (resolved ones included) to the incident tracker and
    /// updates the impact of the incidents in progress, as of wall time `now` less the rule query
    /// offset (the time the evaluations looked at). Called after each scheduler tick.
    public func trackIncidents(now: Int64) async {
        await trackIncidents(await scheduler.ruleAlerts(), now: now)
    }

    private func trackIncidents(_ ruleAlerts: [RuleAlerts], now: Int64) async {
        let time = now - Self.milliseconds(config.ruleQueryOffset)
        do {
            try await incidents.observe(alerts: ruleAlerts.flatMap(\.alerts), at: time)
        } catch {
            logger.error("cannot track incidents", metadata: ["error": "\(error.message)"])
        }
        // The analyzer is built from the whole rule set: only when an incident needs it.
        guard await incidents.needsAnalysis() else { return }
        let analyzer = ImpactAnalyzer(ruleSet: await rules.current, step: config.evaluationInterval)
        await incidents.analyze(at: time, analyzer: analyzer, reader: store)
    }

    /// What follows each evaluation of the rules (wall time `now`): the alerts go to the
    /// dispatcher, and to the incident tracker, when they changed since the last time or a minute
    /// has passed (`AlertChangeGate`; the dispatcher's own timers run every second anyway). The
    /// scheduler is asked once for the rules that hold alerts (with thousands of groups, this
    /// runs many times a minute).
    public func afterEvaluation(now: Int64) async {
        guard afterEvaluationGate.shouldRun(version: await scheduler.alertsVersion, now: now) else { return }
        let ruleAlerts = await scheduler.ruleAlerts()
        await notify(ruleAlerts, now: now)
        await trackIncidents(ruleAlerts, now: now)
    }

    /// Passes the scheduler's alerts (firing, and resolved within retention) to the dispatcher,
    /// which flushes what became due.
    public func notify(now: Int64) async {
        await notify(await scheduler.ruleAlerts(), now: now)
    }

    private func notify(_ ruleAlerts: [RuleAlerts], now: Int64) async {
        await dispatcher.receive(notifiableAlerts(ruleAlerts), now: now)
        await dispatcher.tick(now: now)
    }

    /// The scheduler's alerts as notifications carry them: firing ones, and those resolved
    /// within retention, with the external labels.
    public func notifiableAlerts() async -> [NotifiableAlert] {
        notifiableAlerts(await scheduler.ruleAlerts())
    }

    /// The scheduler's alerts as `alertmanager_configs` forwards them: those of
    /// `notifiableAlerts()`, each with its rule group's evaluation interval.
    public func forwardedAlerts() async -> [ForwardedAlert] {
        AlertNotifications.forwarded(await scheduler.ruleAlerts(), externalLabels: config.externalLabels, externalURL: config.externalURL ?? "")
    }

    private func notifiableAlerts(_ ruleAlerts: [RuleAlerts]) -> [NotifiableAlert] {
        AlertNotifications.alerts(ruleAlerts, externalLabels: config.externalLabels, externalURL: config.externalURL ?? "")
    }

    /// Creates the shared state.
    public init(
        rules: RuleManager, database: BurnrateDatabase, store: SampleStore, ingestor: Ingestor, scheduler: RuleScheduler,
        incidents: IncidentTracker, dispatcher: Dispatcher, outbox: SQLiteOutbox, silences: SQLiteSilenceStore,
        registry: PrometheusCollectorRegistry, config: BurnrateConfig, logger: Logger
    ) {
        self.rules = rules
        self.database = database
        self.store = store
        self.ingestor = ingestor
        self.scheduler = scheduler
        self.incidents = incidents
        self.dispatcher = dispatcher
        self.outbox = outbox
        self.silences = silences
        self.registry = registry
        self.config = config
        self.logger = logger
    }
}
