public import PromQL
public import Rules
import Storage

/// Evaluates a Prometheus rule group as Prometheus 2.42 does: rules in order at one time, each
/// reading the output of the rules before it; recorded series and `ALERTS`/`ALERTS_FOR_STATE`
/// written to the store, with stale markers for series a rule stopped producing.
///
/// It keeps the alert state of every alerting rule between evaluations; call `evaluate(at:store:)`
/// once per interval with increasing times.
public struct RuleGroupEvaluator: Sendable {
    /// The group being evaluated.
    public let group: RuleGroup
    /// The query engine.
    public var engine: Engine
    /// Labels templates see as `$externalLabels`.
    public var externalLabels: [String: String]
    /// The URL templates see as `$externalURL`.
    public var externalURL: String

    private let expressions: [Expr]
    private let overrides: [Int: RuleOverride]
    private var alertStates: [Int: [Labels: AlertState]] = [:]
    private var previousSeries: [Int: Set<Labels>] = [:]

    /// Creates an evaluator; throws when a rule's expression does not parse. `overrides` (by rule
    /// index) replace a rule's engine or expression.
    public init(
        group: RuleGroup, overrides: [Int: RuleOverride] = [:], engine: Engine = Engine(), externalLabels: [String: String] = [:],
        externalURL: String = ""
    ) throws(RuleEvaluationError) {
        self.group = group
        self.overrides = overrides
        self.engine = engine
        self.externalLabels = externalLabels
        self.externalURL = externalURL
        var expressions: [Expr] = []
        for rule in group.rules {
            do {
                expressions.append(try Parser.parse(rule.expr))
            } catch {
                throw RuleEvaluationError(rule: rule.name, time: 0, message: error.description)
            }
        }
        self.expressions = expressions
    }

    /// The pending and firing alerts of the alerting rules named `alertname`.
    public func activeAlerts(named alertname: String) -> [AlertState] {
        group.rules.indices.flatMap { index -> [AlertState] in
            guard group.rules[index].name == alertname, case .alerting = group.rules[index] else { return [] }
            return (alertStates[index] ?? [:]).values.filter(\.isActive).sorted { $0.labels < $1.labels }
        }
    }

    /// Every alert the group holds (pending, firing, and resolved within retention), by rule index.
    public var alerts: [Int: [AlertState]] {
        alertStates.mapValues { $0.values.sorted { $0.labels < $1.labels } }
    }

    /// Evaluates every rule at `time` (milliseconds), writing their output to `store`.
    public mutating func evaluate(at time: Int64, store: some RuleSampleStore) async -> RuleGroupEvaluation {
        var evaluation = RuleGroupEvaluation()
        let clock = ContinuousClock()
        for (index, rule) in group.rules.enumerated() {
            let started = clock.now
            let output: [Sample]
            do throws(RuleFailure) {
                let result: [Sample]
                if let dynamic = overrides[index]?.expression {
                    if let expr = dynamic(time) {
                        result = try await query(expr, engine: overrides[index]?.engine ?? engine, at: time, store: store)
                    } else {
                        result = []
                    }
                } else {
                    result = try await query(expressions[index], engine: overrides[index]?.engine ?? engine, at: time, store: store)
                }
                switch rule {
                case .recording(let recording): output = try record(recording, result)
                case .alerting(let alerting):
                    let extra = await overrides[index]?.annotations?(time, store) ?? [:]
                    output = try alert(alerting, index: index, result, at: time, extra: extra)
                }
                var written: [SeriesSamples] = output.map { SeriesSamples(labels: $0.labels, samples: [ChunkSample(t: $0.t, v: $0.v)]) }
                let returned = Set(output.map(\.labels))
                for labels in (previousSeries[index] ?? []).subtracting(returned).sorted() {
                    written.append(SeriesSamples(labels: labels, samples: [ChunkSample(t: time, v: ChunkSample.staleMarker)]))
                }
                previousSeries[index] = returned
                do {
                    try await store.appendRuleOutput(written)
                } catch {
                    throw RuleFailure("cannot store the rule's output: \(error.message)")
                }
            } catch {
                let failure = RuleEvaluationError(rule: rule.name, time: time, message: error.message)
                evaluation.errors.append(failure)
                evaluation.rules.append(RuleOutcome(error: failure.message, duration: clock.now - started))
                continue
            }
            evaluation.samples += output
            evaluation.rules.append(RuleOutcome(error: nil, duration: clock.now - started))
        }
        return evaluation
    }

    /// The alerts of every alerting rule as records to save.
    public var persistedAlerts: [PersistedAlert] {
        alertStates.keys.sorted().flatMap { index -> [PersistedAlert] in
            (alertStates[index] ?? [:]).values.sorted { $0.labels < $1.labels }.map {
                PersistedAlert($0, rule: group.rules[index].name, ruleIndex: index)
            }
        }
    }

    /// Puts saved alerts back: each record goes to the alerting rule at its index when that rule
    /// still has its name, else to the first alerting rule of that name; records of rules that
    /// no longer exist are dropped.
    public mutating func restore(_ records: [PersistedAlert]) {
        for record in records {
            guard let index = alertingRuleIndex(named: record.rule, preferring: record.ruleIndex),
                  case .alerting(let rule) = group.rules[index]
            else { continue }
            alertStates[index, default: [:]][record.labels] = AlertState(
                restoring: record, holdDuration: Self.milliseconds(rule.for), keepFiringFor: Self.milliseconds(rule.keepFiringFor))
        }
    }

    /// Takes over the state of `previous`, the evaluator of the same group before a reload, as
    /// Prometheus does: rules are matched by kind, name and labels, in order; an alerting rule
    /// keeps its alerts (under its possibly changed `for`), every rule the series it last wrote.
    public mutating func copyState(from previous: RuleGroupEvaluator) {
        var unmatched: [RuleIdentity: [Int]] = [:]
        for (index, rule) in previous.group.rules.enumerated() {
            unmatched[RuleIdentity(rule), default: []].append(index)
        }
        for (index, rule) in group.rules.enumerated() {
            guard var candidates = unmatched[RuleIdentity(rule)], !candidates.isEmpty else { continue }
            let old = candidates.removeFirst()
            unmatched[RuleIdentity(rule)] = candidates
            previousSeries[index] = previous.previousSeries[old]
            if case .alerting(let alerting) = rule, let states = previous.alertStates[old] {
                alertStates[index] = states.mapValues {
                    $0.governed(holdDuration: Self.milliseconds(alerting.for), keepFiringFor: Self.milliseconds(alerting.keepFiringFor))
                }
            }
        }
    }

    private func alertingRuleIndex(named name: String, preferring preferred: Int) -> Int? {
        if group.rules.indices.contains(preferred), case .alerting = group.rules[preferred], group.rules[preferred].name == name {
            return preferred
        }
        return group.rules.indices.first { index in
            if case .alerting = group.rules[index] { return group.rules[index].name == name }
            return false
        }
    }

    private func query(_ expr: Expr, engine: Engine, at time: Int64, store: some RuleSampleStore) async throws(RuleFailure) -> [Sample] {
        let value: Value
        do {
            value = try await engine.instantQuery(expr, at: time, reader: store)
        } catch {
            throw RuleFailure(error.message)
        }
        switch value {
        case .vector(let samples): return samples
        case .scalar(let t, let v): return [Sample(labels: Labels(), t: t, v: v)]
        default: throw RuleFailure("rule result is not a vector or scalar")
        }
    }

    private func record(_ rule: RecordingRule, _ result: [Sample]) throws(RuleFailure) -> [Sample] {
        var output: [Sample] = []
        var seen = Set<Labels>()
        for sample in result {
            var labels = sample.labels.setting(Label.metricName, to: rule.record)
            for (name, value) in rule.labels.sorted(by: { $0.key < $1.key }) {
                labels = labels.setting(name, to: value)
            }
            guard seen.insert(labels).inserted else {
                throw RuleFailure("vector contains metrics with the same labelset after applying rule labels")
            }
            output.append(Sample(labels: labels, t: sample.t, v: sample.v))
        }
        if group.limit > 0 && output.count > group.limit {
            throw RuleFailure("exceeded limit of \(group.limit) with \(output.count) series")
        }
        return output
    }

    private mutating func alert(
        _ rule: AlertingRule, index: Int, _ result: [Sample], at time: Int64, extra: [Labels: [String: String]] = [:]
    ) throws(RuleFailure) -> [Sample] {
        var present: [Labels: (value: Double, annotations: [String: String])] = [:]
        for sample in result {
            var labelMap: [String: String] = [:]
            for label in sample.labels { labelMap[label.name] = label.value }
            let data = TemplateData(labels: labelMap, value: sample.v, externalLabels: externalLabels, externalURL: externalURL)
            var labels = sample.labels.removing(Label.metricName)
            for (name, text) in rule.labels.sorted(by: { $0.key < $1.key }) {
                labels = labels.setting(name, to: AlertTemplate.render(text, data))
            }
            labels = labels.setting("alertname", to: rule.alert)
            var annotations = rule.annotations.mapValues { AlertTemplate.render($0, data) }
            for (key, values) in extra where key.allSatisfy({ labels[$0.name] == $0.value }) {
                annotations.merge(values) { $1 }
            }
            guard present[labels] == nil else {
                throw RuleFailure("vector contains metrics with the same labelset after applying alert labels")
            }
            present[labels] = (sample.v, annotations)
        }

        var states = alertStates[index] ?? [:]
        for (labels, entry) in present where states[labels] == nil {
            states[labels] = AlertState(
                labels: labels, activeAt: time, value: entry.value, annotations: entry.annotations,
                holdDuration: Self.milliseconds(rule.for), keepFiringFor: Self.milliseconds(rule.keepFiringFor)
            )
        }
        var output: [Sample] = []
        var active = 0
        for labels in states.keys.sorted() {
            let event: AlertState.Event = present[labels].map { .present(at: time, value: $0.value, annotations: $0.annotations) } ?? .absent(at: time)
            switch states[labels]!.on(event) {
            case .forget:
                states[labels] = nil
            case .keep:
                break
            case .record(let phase):
                active += 1
                let state = states[labels]!
                output.append(Sample(labels: labels.setting(Label.metricName, to: "ALERTS").setting("alertstate", to: phase.rawValue), t: time, v: 1))
                let activeSeconds = state.activeAt >= 0 ? state.activeAt / 1000 : (state.activeAt - 999) / 1000
                output.append(Sample(labels: labels.setting(Label.metricName, to: "ALERTS_FOR_STATE"), t: time, v: Double(activeSeconds)))
            }
        }
        if group.limit > 0 && active > group.limit {
            alertStates[index] = [:]
            throw RuleFailure("exceeded limit of \(group.limit) with \(active) alerts")
        }
        alertStates[index] = states
        return output
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}

/// What Prometheus matches rules by across a reload: kind, name and labels.
private struct RuleIdentity: Hashable {
    var alerting: Bool
    var name: String
    var labels: [String: String]

    init(_ rule: Rule) {
        switch rule {
        case .recording(let recording): self = RuleIdentity(alerting: false, name: recording.record, labels: recording.labels)
        case .alerting(let alerting): self = RuleIdentity(alerting: true, name: alerting.alert, labels: alerting.labels)
        }
    }

    init(alerting: Bool, name: String, labels: [String: String]) {
        self.alerting = alerting
        self.name = name
        self.labels = labels
    }
}

/// A rule's failure inside one evaluation.
struct RuleFailure: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
