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
    public var group: RuleGroup { compiled.group }
    /// The query engine.
    public var engine: Engine
    /// Labels templates see as `$externalLabels`.
    public var externalLabels: [String: String] {
        didSet { renderedAnnotations = [:] }
    }
    /// The URL templates see as `$externalURL`.
    public var externalURL: String {
        didSet { renderedAnnotations = [:] }
    }
    /// When true, evaluation takes the plain path: each rule's output written on its own right
    /// after the rule, extra annotations computed for every alerting rule. The results are the
    /// same as the default path's, bit for bit; tests compare the two.
    public var referenceMode = false

    /// What is worked out once from the group.
    private let compiled: CompiledRuleGroup
    private var alertStates: [Int: [Labels: AlertState]] = [:]
    /// The label sets each rule wrote at its last evaluation, in its output's order.
    private var previousSeries: [[Labels]?]
    /// The store's references to those series, when the store gave them: written again (the same
    /// label sets in the same order), the output is appended by reference.
    private var previousRefs: [[SeriesRef?]?]
    /// The most series one write has held so far: the room a batch is made with.
    private var largestWrite = 0
    /// For each alerting rule none of whose annotations reads the value
    /// (`CompiledRuleGroup.annotationsReadValue`), the annotations rendered at its last
    /// evaluations, by sample labels: the same labels render the same text again, so an alert
    /// present at every evaluation has them rendered once. Emptied when the external labels or
    /// URL change, and when it holds many more label sets than the rule returns.
    private var renderedAnnotations: [Int: [Labels: [String: String]]] = [:]

    /// Creates an evaluator; throws when a rule's expression does not parse. `overrides` (by rule
    /// index) replace a rule's engine or expression.
    public init(
        group: RuleGroup, overrides: [Int: RuleOverride] = [:], engine: Engine = Engine(), externalLabels: [String: String] = [:],
        externalURL: String = ""
    ) throws(RuleEvaluationError) {
        self.compiled = try CompiledRuleGroup(group: group, overrides: overrides, lookbackDelta: engine.lookbackDelta)
        self.previousSeries = Array(repeating: nil, count: group.rules.count)
        self.previousRefs = Array(repeating: nil, count: group.rules.count)
        self.engine = engine
        self.externalLabels = externalLabels
        self.externalURL = externalURL
    }

    /// The pending and firing alerts of the alerting rules named `alertname`.
    public func activeAlerts(named alertname: String) -> [AlertState] {
        compiled.group.rules.indices.flatMap { index -> [AlertState] in
            guard compiled.group.rules[index].name == alertname, case .alerting = compiled.group.rules[index] else { return [] }
            return (alertStates[index] ?? [:]).values.filter(\.isActive).sorted { $0.labels < $1.labels }
        }
    }

    /// Whether the group holds any alert (pending, firing, or resolved within retention).
    public var holdsAlerts: Bool {
        alertStates.values.contains { !$0.isEmpty }
    }

    /// Every alert the group holds (pending, firing, and resolved within retention), by rule index.
    public var alerts: [Int: [AlertState]] {
        alertStates.mapValues { $0.values.sorted { $0.labels < $1.labels } }
    }

    /// Evaluates every rule at `time` (milliseconds), writing their output to `store`.
    ///
    /// The output of consecutive rules is written in one append, before the first later rule that
    /// may read it (`RuleReads`) and at the end, so each rule sees what the rules before it
    /// recorded, as when every rule's output is written at once, with fewer transactions.
    public mutating func evaluate(at time: Int64, store: some RuleSampleStore) async -> RuleGroupEvaluation {
        let clock = ContinuousClock()
        var outputs: [[Sample]] = Array(repeating: [], count: compiled.group.rules.count)
        // Each rule's error and time, the evaluation's outcomes as they are returned.
        var outcomes = Array(repeating: RuleOutcome(error: nil, duration: .zero), count: compiled.group.rules.count)
        var batch = RuleOutputBatch(series: largestWrite, rules: compiled.group.rules.count)
        // Read ahead for the plans; on failure the rules read, and report, on their own. The time
        // counts for the first rule.
        var readAhead: PlanReads?
        if !referenceMode && compiled.readsAhead {
            let started = clock.now
            readAhead = try? await engine.readAhead(compiled.planReads, at: time, reader: store)
            if !outcomes.isEmpty { outcomes[0].duration += clock.now - started }
        }
        // A rule's time starts where the one before it ended, unless a write ran in between (its
        // time counts for the rule whose output it wrote): one clock read per rule.
        var previousEnd: ContinuousClock.Instant?
        // By index: a rule is looked at in place, not copied out (an alerting rule's payload is,
        // where it is used).
        for index in compiled.group.rules.indices {
            if !batch.isEmpty && compiled.readsEarlierOutput[index]
                && batch.rules.contains(where: { compiled.reads[index].mayRead(anyOf: compiled.writtenNameSets[$0]) }) {
                await write(&batch, to: store, outcomes: &outcomes, clock: clock)
                previousEnd = nil
            }
            let started = previousEnd ?? clock.now
            do throws(RuleFailure) {
                let result: [Sample]
                if let dynamic = compiled.ruleOverrides[index]?.expression {
                    if let expr = dynamic(time) {
                        result = try await query(expr, engine: compiled.ruleOverrides[index]?.engine ?? engine, at: time, store: store)
                    } else {
                        result = []
                    }
                } else if referenceMode {
                    result = try await query(compiled.expressions[index], engine: compiled.ruleOverrides[index]?.engine ?? engine, at: time, store: store)
                } else {
                    result = try await query(
                        compiled.prepared[index], engine: compiled.ruleOverrides[index]?.engine ?? engine, at: time, store: store,
                        readAhead: readAhead.map { ($0, index) })
                }
                let output: [Sample]
                switch compiled.group.rules[index] {
                case .recording: output = try record(index, consume result)
                case .alerting(let alerting):
                    // Extra annotations only matter for the alerts present now.
                    var extra: [Labels: [String: String]] = [:]
                    if let annotations = compiled.ruleOverrides[index]?.annotations, !result.isEmpty || referenceMode {
                        if !batch.isEmpty {
                            await write(&batch, to: store, outcomes: &outcomes, clock: clock)
                        }
                        extra = await annotations(time, store)
                    }
                    output = try alert(alerting, index: index, result, at: time, extra: extra)
                }
                // Mostly the same series as last time, in the same order: nothing went stale, and
                // the store's references to them still serve (compared in place, no array made).
                var known: [SeriesRef?]?
                var stale: [Labels] = []
                if let previous = previousSeries[index], previous.elementsEqual(output.lazy.map(\.labels)) {
                    if !previous.isEmpty { known = previousRefs[index] }
                } else {
                    let returned = output.map(\.labels)
                    if let previous = previousSeries[index], !previous.isEmpty {
                        let present = Set(returned)
                        stale = previous.filter { !present.contains($0) }.sorted()
                    }
                    previousSeries[index] = returned
                }
                batch.add(output, stale: stale, at: time, rule: index, known: referenceMode ? nil : known)
                outputs[index] = output
                if referenceMode && !batch.isEmpty {
                    await write(&batch, to: store, outcomes: &outcomes, clock: clock)
                }
            } catch {
                outcomes[index].error = error.message
            }
            let finished = clock.now
            outcomes[index].duration += finished - started
            previousEnd = finished
        }
        if !batch.isEmpty {
            await write(&batch, to: store, outcomes: &outcomes, clock: clock)
        }
        var evaluation = RuleGroupEvaluation()
        evaluation.samples.reserveCapacity(outputs.reduce(0) { $0 + $1.count })
        for index in compiled.group.rules.indices {
            if let message = outcomes[index].error {
                evaluation.errors.append(RuleEvaluationError(rule: compiled.group.rules[index].name, time: time, message: message))
            } else {
                evaluation.samples += outputs[index]
            }
        }
        evaluation.rules = outcomes
        return evaluation
    }

    /// Writes `batch` to `store` and empties it; when the append fails, every rule with output in
    /// it fails. The time taken counts for the batch's last rule. The references the store gives
    /// back are kept for the next evaluation (in `referenceMode`, none are passed or kept).
    private mutating func write(
        _ batch: inout RuleOutputBatch, to store: some RuleSampleStore, outcomes: inout [RuleOutcome],
        clock: ContinuousClock
    ) async {
        let started = clock.now
        largestWrite = max(largestWrite, batch.series.count)
        do {
            if referenceMode {
                try await store.appendRuleOutput(batch.series)
            } else {
                try await store.appendRuleOutput(batch.series, refs: &batch.refs)
                for (position, rule) in batch.rules.enumerated() {
                    let refs = batch.outputRefs(position)
                    if let kept = previousRefs[rule], kept.elementsEqual(refs) { continue }
                    previousRefs[rule] = Array(refs)
                }
            }
        } catch {
            for index in batch.rules {
                outcomes[index].error = "cannot store the rule's output: \(error.message)"
                previousRefs[index] = nil
            }
        }
        if let last = batch.rules.last { outcomes[last].duration += clock.now - started }
        batch.removeAll()
    }

    /// The alerts of every alerting rule as records to save.
    public var persistedAlerts: [PersistedAlert] {
        alertStates.keys.sorted().flatMap { index -> [PersistedAlert] in
            (alertStates[index] ?? [:]).values.sorted { $0.labels < $1.labels }.map {
                PersistedAlert($0, rule: compiled.group.rules[index].name, ruleIndex: index)
            }
        }
    }

    /// Puts saved alerts back: each record goes to the alerting rule at its index when that rule
    /// still has its name, else to the first alerting rule of that name; records of rules that
    /// no longer exist are dropped.
    public mutating func restore(_ records: [PersistedAlert]) {
        for record in records {
            guard let index = alertingRuleIndex(named: record.rule, preferring: record.ruleIndex),
                  case .alerting(let rule) = compiled.group.rules[index]
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
        for (index, rule) in compiled.group.rules.enumerated() {
            guard var candidates = unmatched[RuleIdentity(rule)], !candidates.isEmpty else { continue }
            let old = candidates.removeFirst()
            unmatched[RuleIdentity(rule)] = candidates
            previousSeries[index] = previous.previousSeries[old]
            previousRefs[index] = previous.previousRefs[old]
            if case .alerting(let alerting) = rule, let states = previous.alertStates[old] {
                alertStates[index] = states.mapValues {
                    $0.governed(holdDuration: Self.milliseconds(alerting.for), keepFiringFor: Self.milliseconds(alerting.keepFiringFor))
                }
            }
        }
    }

    private func alertingRuleIndex(named name: String, preferring preferred: Int) -> Int? {
        if compiled.group.rules.indices.contains(preferred), case .alerting = compiled.group.rules[preferred], compiled.group.rules[preferred].name == name {
            return preferred
        }
        return compiled.group.rules.indices.first { index in
            if case .alerting = compiled.group.rules[index] { return compiled.group.rules[index].name == name }
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
        return try Self.samples(value)
    }

    private func query(
        _ query: PreparedQuery, engine: Engine, at time: Int64, store: some RuleSampleStore, readAhead: (reads: PlanReads, query: Int)?
    ) async throws(RuleFailure) -> [Sample] {
        let value: Value
        do {
            value = try await engine.instantQuery(query, at: time, reader: store, readAhead: readAhead)
        } catch {
            throw RuleFailure(error.message)
        }
        return try Self.samples(value)
    }

    /// `labels` with each of `added` set in turn (`Labels.setting`), the plain way.
    static func settingEach(_ labels: Labels, _ added: [Label]) -> Labels {
        var result = labels
        for label in added { result = result.setting(label.name, to: label.value) }
        return result
    }

    /// `settingEach(labels, added)` in one merge of the two sorted lists, for `added` sorted by
    /// name in byte order with unique names (an empty value removes the label); otherwise the
    /// plain way.
    static func merging(_ labels: Labels, _ added: [Label]) -> Labels {
        guard isSortedUnique(added) else { return settingEach(labels, added) }
        var merged: [Label] = []
        merged.reserveCapacity(labels.count + added.count)
        var i = labels.startIndex
        var j = added.startIndex
        while i < labels.endIndex || j < added.endIndex {
            if j == added.endIndex || (i < labels.endIndex && precedes(labels[i].name, added[j].name)) {
                merged.append(labels[i])
                i += 1
                continue
            }
            if i < labels.endIndex && labels[i].name == added[j].name { i += 1 }
            if !added[j].value.isEmpty { merged.append(added[j]) }
            j += 1
        }
        return Labels(canonical: merged)
    }

    /// Whether names are strictly ascending in byte order.
    static func isSortedUnique(_ labels: [Label]) -> Bool {
        zip(labels, labels.dropFirst()).allSatisfy { precedes($0.name, $1.name) }
    }

    static func precedes(_ name: String, _ other: String) -> Bool {
        name.utf8.lexicographicallyPrecedes(other.utf8)
    }

    /// `AlertTemplate.render(text, data)`, from the template parsed once.
    private func render(_ text: String, _ data: TemplateData) -> String {
        guard let parsed = compiled.templates[text] else { return AlertTemplate.render(text, data) }
        return Self.expand(parsed, data)
    }

    /// A parsed template expanded with `data`, or the error `AlertTemplate.render` gives.
    private static func expand(_ parsed: Result<AlertTemplate, TemplateError>, _ data: TemplateData) -> String {
        switch parsed {
        case .success(let template):
            do {
                return try template.expand(data)
            } catch {
                return "<error expanding template: \(error.message)>"
            }
        case .failure(let error):
            return "<error expanding template: \(error.message)>"
        }
    }

    /// A rule's result as samples.
    private static func samples(_ value: Value) throws(RuleFailure) -> [Sample] {
        switch value {
        case .vector(let samples): return samples
        case .scalar(let t, let v): return [Sample(labels: Labels(), t: t, v: v)]
        default: throw RuleFailure("rule result is not a vector or scalar")
        }
    }

    /// The output of recording rule `index`: each sample with `__name__` set to the record and
    /// the rule's labels set, as setting them one at a time would.
    /// The result's array becomes the output, changed in place (no array made).
    private func record(_ index: Int, _ result: consuming [Sample]) throws(RuleFailure) -> [Sample] {
        let added = compiled.recordedLabels[index]
        var output = result
        var seen = Set<Labels>()
        for position in output.indices {
            let labels = output[position].labels
            output[position].labels = referenceMode ? Self.settingEach(labels, added)
                : labels.isEmpty ? compiled.recordedAlone[index] : Self.merging(labels, added)
            if output.count > 1 {
                guard seen.insert(output[position].labels).inserted else {
                    throw RuleFailure("vector contains metrics with the same labelset after applying rule labels")
                }
            }
        }
        if compiled.group.limit > 0 && output.count > compiled.group.limit {
            throw RuleFailure("exceeded limit of \(compiled.group.limit) with \(output.count) series")
        }
        return output
    }

    private mutating func alert(
        _ rule: AlertingRule, index: Int, _ result: [Sample], at time: Int64, extra: [Labels: [String: String]] = [:]
    ) throws(RuleFailure) -> [Sample] {
        // Nothing present and no alert held (most alerting rules at most evaluations): no state
        // to look through or change.
        if result.isEmpty && alertStates[index]?.isEmpty ?? true { return [] }
        var present: [Labels: (value: Double, annotations: [String: String])] = Dictionary(minimumCapacity: result.count)
        // Taken out while it changes, so that changing it does not copy it.
        let reuses = !referenceMode && !compiled.annotationsReadValue[index]
        var rendered = reuses ? renderedAnnotations.removeValue(forKey: index) ?? [:] : [:]
        defer {
            if reuses {
                if rendered.count > 2 * result.count + 16 { rendered = [:] }
                renderedAnnotations[index] = rendered
            }
        }
        for sample in result {
            lazy var data: TemplateData = {
                var labelMap: [String: String] = [:]
                for label in sample.labels { labelMap[label.name] = label.value }
                return TemplateData(labels: labelMap, value: sample.v, externalLabels: externalLabels, externalURL: externalURL)
            }()
            let labels: Labels
            if referenceMode {
                var plain = sample.labels.removing(Label.metricName)
                for (name, text) in rule.labels.sorted(by: { $0.key < $1.key }) {
                    plain = plain.setting(name, to: render(text, data))
                }
                labels = plain.setting("alertname", to: rule.alert)
            } else if let plain = compiled.plainAlertLabels[index] {
                labels = Self.merging(sample.labels, plain)
            } else {
                labels = Self.merging(sample.labels, compiled.alertLabels[index].map {
                    Label(name: $0.name, value: $0.isTemplate ? render($0.value, data) : $0.value)
                })
            }
            // Every text holding `{{` was parsed once (`compiled.annotations`): no text is
            // searched or looked up again.
            var annotations: [String: String]
            if referenceMode {
                annotations = rule.annotations.mapValues { $0.contains("{{") ? render($0, data) : $0 }
            } else if reuses, let known = rendered[sample.labels] {
                annotations = known
            } else {
                annotations = compiled.annotations[index].mapValues { $0.template.map { Self.expand($0, data) } ?? $0.text }
                if reuses { rendered[sample.labels] = annotations }
            }
            for (key, values) in extra where key.allSatisfy({ labels[$0.name] == $0.value }) {
                annotations.merge(values) { $1 }
            }
            guard present.updateValue((sample.v, annotations), forKey: labels) == nil else {
                throw RuleFailure("vector contains metrics with the same labelset after applying alert labels")
            }
        }

        // Taken out while it changes, so that changing it does not copy it.
        var states = alertStates.removeValue(forKey: index) ?? [:]
        for (labels, entry) in present where states[labels] == nil {
            states[labels] = AlertState(
                labels: labels, activeAt: time, value: entry.value, annotations: entry.annotations,
                holdDuration: Self.milliseconds(rule.for), keepFiringFor: Self.milliseconds(rule.keepFiringFor)
            )
        }
        var output: [Sample] = []
        output.reserveCapacity(2 * states.count)
        var active = 0
        // In label order, each state changed where it is (by index: its label set is hashed once,
        // to find its sample); the forgotten ones removed after.
        var forgotten: [Labels] = []
        for position in states.indices.sorted(by: { states.keys[$0] < states.keys[$1] }) {
            let labels = states.keys[position]
            let event: AlertState.Event = present[labels].map { .present(at: time, value: $0.value, annotations: $0.annotations) } ?? .absent(at: time)
            switch states.values[position].on(event) {
            case .forget:
                forgotten.append(labels)
            case .keep:
                break
            case .record(let phase):
                active += 1
                let activeAt = states.values[position].activeAt
                let alerts = Self.alertsLabels(phase)
                let forState = Self.forStateLabels
                output.append(Sample(
                    labels: referenceMode ? Self.settingEach(labels, alerts) : Self.merging(labels, alerts), t: time, v: 1))
                let activeSeconds = activeAt >= 0 ? activeAt / 1000 : (activeAt - 999) / 1000
                output.append(Sample(
                    labels: referenceMode ? Self.settingEach(labels, forState) : Self.merging(labels, forState), t: time,
                    v: Double(activeSeconds)))
            }
        }
        for labels in forgotten { states[labels] = nil }
        if compiled.group.limit > 0 && active > compiled.group.limit {
            alertStates[index] = [:]
            throw RuleFailure("exceeded limit of \(compiled.group.limit) with \(active) alerts")
        }
        alertStates[index] = states
        return output
    }

    /// What an `ALERTS` sample gets over the alert's labels, by phase, made once.
    private static func alertsLabels(_ phase: AlertState.Phase) -> [Label] {
        switch phase {
        case .pending: pendingAlertsLabels
        case .firing: firingAlertsLabels
        case .inactive: [Label(name: Label.metricName, value: "ALERTS"), Label(name: "alertstate", value: phase.rawValue)]
        }
    }

    private static let pendingAlertsLabels = [
        Label(name: Label.metricName, value: "ALERTS"), Label(name: "alertstate", value: AlertState.Phase.pending.rawValue),
    ]
    private static let firingAlertsLabels = [
        Label(name: Label.metricName, value: "ALERTS"), Label(name: "alertstate", value: AlertState.Phase.firing.rawValue),
    ]
    /// What an `ALERTS_FOR_STATE` sample gets over the alert's labels.
    private static let forStateLabels = [Label(name: Label.metricName, value: "ALERTS_FOR_STATE")]

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
