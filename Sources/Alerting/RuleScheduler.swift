import HeapModule
public import Logging
public import PromQL
public import Rules
import Storage

/// Runs the rule groups in force on their schedules: each group at its interval (aligned, with a
/// per-group offset), at the evaluation time minus the query offset that allows for remote-write
/// lag; keeps the state of every alert across reloads (Prometheus' rules are matched by kind,
/// name and labels) and across restarts (through an `AlertStateStore`).
///
/// Nothing here reads a clock: the caller passes the wall time to `tick(now:)` and sleeps until
/// the time it returns, so tests drive it with any times they like.
public actor RuleScheduler {
    /// Settings shared by every group.
    public struct Settings: Sendable {
        /// The interval of groups that set none.
        public var defaultInterval: Duration
        /// How far behind the wall time evaluations look, for samples that arrive late.
        public var queryOffset: Duration
        /// `$externalLabels` in templates.
        public var externalLabels: [String: String]
        /// `$externalURL` in templates.
        public var externalURL: String
        /// How long rule output may wait in memory (visible to reads, not yet committed) for the
        /// wake-ups after it, so that many wake-ups' output costs one transaction: a wake-up
        /// commits when the oldest uncommitted output is this old, or when the next slot is this
        /// far away. Zero (the default) commits after every wake-up. Rule output is not
        /// acknowledged to anyone: a crash loses at most this much of it (the alert state is
        /// saved apart), and any other transaction of the store (an ingest request) writes it too.
        public var outputCommitInterval: Duration

        /// Creates settings.
        public init(
            defaultInterval: Duration = .seconds(60), queryOffset: Duration = .zero, externalLabels: [String: String] = [:],
            externalURL: String = "", outputCommitInterval: Duration = .zero
        ) {
            self.defaultInterval = defaultInterval
            self.queryOffset = queryOffset
            self.externalLabels = externalLabels
            self.externalURL = externalURL
            self.outputCommitInterval = outputCommitInterval
        }
    }

    private struct Runtime {
        var evaluator: RuleGroupEvaluator
        var schedule: GroupSchedule
        var nextDue: Int64?
        var lastEvaluation: Int64?
        var evaluationDuration: Duration = .zero
        var outcomes: [RuleOutcome?]
        var ruleEvaluations: [Int64?]
        var saved: [PersistedAlert]
        var missed = 0
        var lastSamples: [Sample] = []
        /// A hash of the group's alerts' labels, phases and transition times (not values or
        /// annotations), to tell when what notifications follow has changed.
        var alertSignature: Int?
    }

    /// Bumped whenever an evaluation changes some group's alerts: one appearing or going, a
    /// phase, a firing or resolution time (not values or annotations, which change with every
    /// evaluation of a firing SLO alert). Lets what follows an evaluation skip the work when
    /// nothing that notifications or incidents act on has changed.
    public private(set) var alertsVersion = 0
    /// The groups with a known next slot, soonest first, so that a wake-up costs the groups that
    /// are due rather than all of them (thousands of groups spread over the interval mean a
    /// wake-up every few milliseconds, most finding one group due).
    private var queue = Heap<DueGroup>()
    /// Groups put in force since the last tick, whose first slot is the first one after it.
    private var unscheduled: [Int] = []

    private let store: any RuleSampleStore
    /// The actor whose executor the scheduler runs on: the store itself when it is an actor
    /// (`SampleStore`). Evaluating a group reads the store dozens of times; on one executor those
    /// reads are plain calls instead of hops between threads, and evaluation takes turns with
    /// appends, as its reads did already.
    private let executorOwner: any Actor
    private let stateStore: any AlertStateStore
    private let settings: Settings
    private let logger: Logger
    /// The groups in force, in rule-file order, and each one's position by key.
    private var runtimes: [Runtime] = []
    private var keys: [String] = []
    private var positions: [String: Int] = [:]
    /// The positions of the groups holding alerts (pending, firing or recently resolved): all
    /// `ruleAlerts()` needs to look at.
    private var alertHolders = Set<Int>()
    /// Bumped by every `apply`, so that a tick suspended in an evaluation knows the groups changed.
    private var generation = 0
    private var restored = false
    /// The wall time of the first wake-up whose output is not committed yet (see
    /// `Settings.outputCommitInterval`).
    private var uncommittedSince: Int64?

    /// A scheduler writing rule output to `store` and alert state to `stateStore`.
    public init(store: any RuleSampleStore, stateStore: any AlertStateStore, settings: Settings = Settings(), logger: Logger) {
        self.store = store
        self.executorOwner = (store as? any Actor) ?? ExecutorOwner()
        self.stateStore = stateStore
        self.settings = settings
        self.logger = logger
    }

    /// See `executorOwner`.
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executorOwner.unownedExecutor }

    /// Puts the Prometheus rule groups of `ruleSet` in force; see `apply(groups:)`.
    @discardableResult
    public func apply(_ ruleSet: RuleSet) async -> [RuleEvaluationError] {
        await apply(groups: ruleSet.groups.map { ScheduledGroup(group: $0) })
    }

    /// Puts `groups` in force. Groups that stay keep their schedule and state; new groups first
    /// run at their next slot. The first call also restores the saved alert state. Returns the
    /// groups that could not be put in force (an expression that does not parse).
    @discardableResult
    public func apply(groups scheduled: [ScheduledGroup]) async -> [RuleEvaluationError] {
        var saved: [String: [PersistedAlert]] = [:]
        if !restored {
            do {
                saved = try await stateStore.load()
            } catch {
                logger.error("cannot restore alert state, alerts start afresh", metadata: ["error": "\(error.message)"])
            }
            restored = true
        }
        var problems: [RuleEvaluationError] = []
        var next: [Runtime] = []
        var nextKeys: [String] = []
        var nextPositions: [String: Int] = [:]
        for entry in scheduled {
            let group = entry.group
            let key = GroupSchedule.key(of: group)
            guard nextPositions[key] == nil else { continue }
            var evaluator: RuleGroupEvaluator
            do {
                evaluator = try RuleGroupEvaluator(
                    group: group, overrides: entry.overrides, externalLabels: settings.externalLabels, externalURL: settings.externalURL)
            } catch {
                problems.append(error)
                continue
            }
            let interval = RuleGroupEvaluator.milliseconds(group.interval ?? settings.defaultInterval)
            var runtime = Runtime(
                evaluator: evaluator, schedule: GroupSchedule(key: key, interval: interval),
                outcomes: Array(repeating: nil, count: group.rules.count),
                ruleEvaluations: Array(repeating: nil, count: group.rules.count), saved: [])
            if let position = positions[key] {
                let previous = runtimes[position]
                evaluator.copyState(from: previous.evaluator)
                runtime.evaluator = evaluator
                runtime.saved = previous.saved
                runtime.lastEvaluation = previous.lastEvaluation
                if previous.schedule == runtime.schedule { runtime.nextDue = previous.nextDue }
            } else if let records = saved[key] {
                evaluator.restore(records)
                runtime.evaluator = evaluator
                runtime.saved = records
            }
            nextPositions[key] = next.count
            next.append(runtime)
            nextKeys.append(key)
        }
        // Forget the saved state of groups that are gone.
        let gone = Set(keys).union(saved.keys).subtracting(nextKeys)
        if !gone.isEmpty {
            do {
                try await stateStore.save(Dictionary(uniqueKeysWithValues: gone.map { ($0, []) }))
            } catch {
                logger.error("cannot remove alert state of removed groups", metadata: ["groups": "\(gone.sorted())", "error": "\(error.message)"])
            }
        }
        runtimes = next
        keys = nextKeys
        positions = nextPositions
        generation += 1
        queue = Heap(next.indices.compactMap { position in next[position].nextDue.map { DueGroup(due: $0, position: position) } })
        unscheduled = next.indices.filter { next[$0].nextDue == nil }
        alertHolders = Set(next.indices.filter { next[$0].evaluator.holdsAlerts })
        // Groups came and went: their alerts with them.
        alertsVersion += 1
        return problems
    }

    /// Evaluates every group whose slot has come by wall time `now` (milliseconds) — once, at its
    /// latest slot, when several were missed — and returns the wall time of the next slot.
    @discardableResult
    public func tick(now: Int64) async -> Int64 {
        for position in unscheduled {
            let due = runtimes[position].schedule.slot(after: now)
            runtimes[position].nextDue = due
            queue.insert(DueGroup(due: due, position: position))
        }
        unscheduled = []
        // The groups due, evaluated in rule-file order, as when each group is looked at in turn.
        var due: [DueGroup] = []
        while let first = queue.min, first.due <= now {
            due.append(queue.removeMin())
        }
        let generation = self.generation
        // The alert state of the groups whose alerts changed, saved at once after the groups.
        var changed: [String: [PersistedAlert]] = [:]
        for entry in due.sorted(by: { $0.position < $1.position }) {
            // A reload during an evaluation (it suspends) replaced the groups: theirs is a new queue.
            guard self.generation == generation else { break }
            var runtime = runtimes[entry.position]
            let slot = runtime.schedule.slot(atOrBefore: now)
            let missed = Int((slot - entry.due) / runtime.schedule.interval)
            let key = keys[entry.position]
            if missed > 0 {
                runtime.missed += missed
                logger.warning("rule group missed evaluations", metadata: ["group": "\(key)", "missed": "\(missed)"])
            }
            if let alerts = await evaluate(&runtime, slot: slot, key: key) {
                changed[key] = alerts
            }
            runtime.nextDue = slot + runtime.schedule.interval
            guard self.generation == generation else { break }
            if runtime.evaluator.holdsAlerts {
                alertHolders.insert(entry.position)
            } else {
                alertHolders.remove(entry.position)
            }
            runtimes[entry.position] = runtime
            queue.insert(DueGroup(due: slot + runtime.schedule.interval, position: entry.position))
        }
        if !due.isEmpty && uncommittedSince == nil { uncommittedSince = now }
        if let since = uncommittedSince {
            let interval = RuleGroupEvaluator.milliseconds(settings.outputCommitInterval)
            if now - since >= interval || (queue.min?.due ?? Int64.max) - now >= interval {
                do {
                    try await store.commitRuleOutput()
                    uncommittedSince = nil
                } catch {
                    // The output stays in memory and is written with the store's next transaction.
                    logger.error("cannot commit rule output, will retry", metadata: ["error": "\(error.message)"])
                }
            }
        }
        if self.generation != generation {
            // Groups a reload removed meanwhile are not saved back.
            changed = changed.filter { positions[$0.key] != nil }
        }
        if !changed.isEmpty {
            do {
                try await stateStore.save(changed)
                // Unless a reload replaced the groups meanwhile (they are then saved again
                // after their next evaluation).
                if self.generation == generation {
                    for (key, alerts) in changed { if let position = positions[key] { runtimes[position].saved = alerts } }
                }
            } catch {
                logger.error("cannot save alert state, will retry", metadata: ["groups": "\(changed.count)", "error": "\(error.message)"])
            }
        }
        return queue.min?.due ?? Int64.max
    }

    /// Evaluates the group of `runtime` at `slot`; returns its alerts when they differ from those
    /// saved last in more than values and annotations (`PersistedAlert.sameTransitions`).
    private func evaluate(_ runtime: inout Runtime, slot: Int64, key: String) async -> [PersistedAlert]? {
        let time = slot - RuleGroupEvaluator.milliseconds(settings.queryOffset)
        let clock = ContinuousClock()
        let started = clock.now
        let evaluation = await runtime.evaluator.evaluate(at: time, store: store)
        runtime.evaluationDuration = clock.now - started
        runtime.lastSamples = evaluation.samples
        runtime.lastEvaluation = slot
        for (index, outcome) in evaluation.rules.enumerated() where index < runtime.outcomes.count {
            runtime.outcomes[index] = outcome
            runtime.ruleEvaluations[index] = slot
        }
        for error in evaluation.errors {
            logger.warning("rule evaluation failed", metadata: ["group": "\(key)", "rule": "\(error.rule)", "error": "\(error.message)"])
        }
        let alerts = runtime.evaluator.persistedAlerts
        var hasher = Hasher()
        for alert in alerts {
            hasher.combine(alert.ruleIndex)
            hasher.combine(alert.labels)
            hasher.combine(alert.phase)
            hasher.combine(alert.activeAt)
            hasher.combine(alert.firedAt)
            hasher.combine(alert.resolvedAt)
        }
        let signature = hasher.finalize()
        if signature != runtime.alertSignature {
            runtime.alertSignature = signature
            alertsVersion += 1
        }
        return PersistedAlert.sameTransitions(alerts, runtime.saved) ? nil : alerts
    }

    /// Every group in force, in rule-file order, with its rules' health and alerts.
    public func status() -> [RuleGroupStatus] {
        runtimes.map { runtime -> RuleGroupStatus in
            let group = runtime.evaluator.group
            let alerts = runtime.evaluator.alerts
            let rules = group.rules.enumerated().map { index, rule -> RuleStatus in
                let outcome = runtime.outcomes[index]
                let health: RuleStatus.Health = outcome.map { $0.error == nil ? .ok : .err } ?? .unknown
                return RuleStatus(
                    rule: rule, health: health, lastError: outcome?.error, lastEvaluation: runtime.ruleEvaluations[index],
                    evaluationDuration: outcome?.duration ?? .zero, alerts: alerts[index] ?? [])
            }
            return RuleGroupStatus(
                group: group, interval: .milliseconds(runtime.schedule.interval), lastEvaluation: runtime.lastEvaluation,
                evaluationDuration: runtime.evaluationDuration, rules: rules)
        }
    }

    /// The rules that hold alerts, with their alerts, in rule-file order. Unlike `status()`, it
    /// looks at nothing but the groups holding alerts: it runs after wake-ups of the scheduler,
    /// which with thousands of groups spread over the interval come many times a minute.
    public func ruleAlerts() -> [RuleAlerts] {
        var result: [RuleAlerts] = []
        for position in alertHolders.sorted() {
            let alerts = runtimes[position].evaluator.alerts
            let rules = runtimes[position].evaluator.group.rules
            let interval = Duration.milliseconds(runtimes[position].schedule.interval)
            for (index, list) in alerts.sorted(by: { $0.key < $1.key }) where !list.isEmpty && index < rules.count {
                result.append(RuleAlerts(rule: rules[index], alerts: list, interval: interval))
            }
        }
        return result
    }

    /// The pending and firing alerts of every group, as `GET /api/v1/alerts` lists them.
    public func activeAlerts() -> [AlertState] {
        status().flatMap { $0.rules.flatMap { $0.alerts.filter(\.isActive) } }
    }

    /// The samples the last evaluation of each group whose name starts with `prefix` wrote
    /// (recorded series, `ALERTS`, `ALERTS_FOR_STATE`), in group order: what `/metrics` publishes
    /// of the SLO groups.
    public func latestSamples(ofGroupsNamed prefix: String) -> [Sample] {
        runtimes.flatMap { runtime -> [Sample] in
            guard runtime.evaluator.group.name.hasPrefix(prefix) else { return [] }
            return runtime.lastSamples
        }
    }

    /// How many slots were skipped because an evaluation came late, per group key.
    public func missedEvaluations() -> [String: Int] {
        Dictionary(uniqueKeysWithValues: zip(keys, runtimes.map(\.missed)))
    }
}

/// The executor of a scheduler whose store is not an actor.
private actor ExecutorOwner {}
