import PromQL
import Rules
import Storage

/// What a `RuleGroupEvaluator` works out once from its group: parsed and prepared expressions,
/// what each rule reads and writes, the labels it adds, its templates. Immutable, and a class:
/// an evaluator is copied in and out of the scheduler's table at every evaluation, and one
/// reference is cheaper to copy than each of these arrays (thousands of groups a minute).
final class CompiledRuleGroup: Sendable {
    /// The group.
    let group: RuleGroup
    let expressions: [Expr]
    /// The expressions prepared for instant queries, once.
    let prepared: [PreparedQuery]
    let overrides: [Int: RuleOverride]
    /// The same overrides by rule index, nil for a rule without one: looked up at every
    /// evaluation of every rule, by position rather than by hashing the index.
    let ruleOverrides: [RuleOverride?]
    /// What each rule may read, to know when earlier rules' output must be written first.
    let reads: [RuleReads]
    /// The metric names each rule writes.
    let writtenNameSets: [Set<String>]
    /// Whether a rule may read what any rule before it writes; when not, the output waiting to be
    /// written need not be looked at before it.
    let readsEarlierOutput: [Bool]
    /// For each recording rule, `__name__` (the record) and the rule's labels, sorted by name in
    /// byte order (stable: a rule label named `__name__` comes after the record, as it is set after).
    let recordedLabels: [[Label]]
    /// For each recording rule, the labels of its output for a sample without labels (the output
    /// of sums, ratios of sums, numbers), made once.
    let recordedAlone: [Labels]
    /// The alerting rules' label and annotation templates, parsed once.
    let templates: [String: Result<AlertTemplate, TemplateError>]
    /// For each alerting rule, its annotations, each text with its parsed template (nil for plain
    /// text): rendered at every evaluation without looking the texts up. Made by `mapValues` of
    /// the rule's, so that mapping them again gives a dictionary laid out as the rule's.
    let annotations: [[String: (text: String, template: Result<AlertTemplate, TemplateError>?)]]
    /// For each alerting rule, whether an annotation's template reads the value (`readsValue`):
    /// when none does, an alert's annotations follow from its sample's labels alone.
    let annotationsReadValue: [Bool]
    /// For each alerting rule, what its alerts' labels get over the sample's, sorted by name in
    /// byte order as `merging` takes them: `__name__` removed (or the rule's own), the rule's
    /// labels (a value to render when it is a template), `alertname` last to win.
    let alertLabels: [[(name: String, value: String, isTemplate: Bool)]]
    /// For each alerting rule none of whose labels is a template, `alertLabels` as labels, made
    /// once; nil otherwise.
    let plainAlertLabels: [[Label]?]
    /// What the label-free plans of the rules reading no earlier rule's output read, read ahead
    /// at the start of each evaluation, each selector once for all its windows.
    let planReads: PlanReadSet
    /// Whether `planReads` reads anything, asked at every evaluation without copying the set.
    let readsAhead: Bool

    /// Compiles `group` for evaluation on engines with `lookbackDelta`; throws when a rule's
    /// expression does not parse. `overrides` (by rule index) replace a rule's engine or expression.
    init(group: RuleGroup, overrides: [Int: RuleOverride], lookbackDelta: PromDuration) throws(RuleEvaluationError) {
        self.group = group
        self.overrides = overrides
        self.ruleOverrides = group.rules.indices.map { overrides[$0] }
        var expressions: [Expr] = []
        for rule in group.rules {
            do {
                expressions.append(try Parser.parse(rule.expr))
            } catch {
                throw RuleEvaluationError(rule: rule.name, time: 0, message: error.description)
            }
        }
        self.expressions = expressions
        self.prepared = expressions.map { PreparedQuery($0, lookbackDelta: lookbackDelta) }
        self.reads = expressions.indices.map { index in
            overrides[index]?.expression == nil ? RuleReads(expressions[index]) : .anything
        }
        var templates: [String: Result<AlertTemplate, TemplateError>] = [:]
        for case .alerting(let alerting) in group.rules {
            for text in Array(alerting.labels.values) + Array(alerting.annotations.values) where text.contains("{{") && templates[text] == nil {
                do {
                    templates[text] = .success(try AlertTemplate(parsing: text))
                } catch {
                    templates[text] = .failure(error)
                }
            }
        }
        self.templates = templates
        self.annotations = group.rules.map { rule in
            guard case .alerting(let alerting) = rule else { return [:] }
            return alerting.annotations.mapValues { (text: $0, template: templates[$0]) }
        }
        self.annotationsReadValue = annotations.map { texts in
            texts.values.contains { entry in
                if case .success(let template)? = entry.template { return template.readsValue }
                return false
            }
        }
        let alertLabels = group.rules.map { rule -> [(name: String, value: String, isTemplate: Bool)] in
            guard case .alerting(let alerting) = rule else { return [] }
            var values = alerting.labels
            values[Label.metricName] = values[Label.metricName] ?? ""
            values["alertname"] = alerting.alert
            return values.map { (name: $0.key, value: $0.value, isTemplate: $0.value.contains("{{")) }
                .sorted { RuleGroupEvaluator.precedes($0.name, $1.name) }
        }
        self.alertLabels = alertLabels
        self.plainAlertLabels = alertLabels.map { labels in
            labels.contains(where: \.isTemplate) ? nil : labels.map { Label(name: $0.name, value: $0.value) }
        }
        self.recordedLabels = group.rules.map { rule in
            guard case .recording(let recording) = rule else { return [] }
            return ([Label(name: Label.metricName, value: recording.record)]
                + recording.labels.sorted { $0.key < $1.key }.map { Label(name: $0.key, value: $0.value) })
                .sorted { RuleGroupEvaluator.precedes($0.name, $1.name) }
        }
        self.recordedAlone = recordedLabels.map { RuleGroupEvaluator.merging(Labels(), $0) }
        let writtenNameSets = group.rules.map { rule -> Set<String> in
            switch rule {
            case .recording(let recording): [recording.record]
            case .alerting: ["ALERTS", "ALERTS_FOR_STATE"]
            }
        }
        self.writtenNameSets = writtenNameSets
        var writtenBefore = Set<String>()
        var readsEarlierOutput: [Bool] = []
        for (index, written) in writtenNameSets.enumerated() {
            readsEarlierOutput.append(reads[index].mayRead(anyOf: writtenBefore))
            writtenBefore.formUnion(written)
        }
        self.readsEarlierOutput = readsEarlierOutput
        let prepared = self.prepared
        self.planReads = PlanReadSet(group.rules.indices.map { index in
            overrides[index]?.expression == nil && !readsEarlierOutput[index] ? prepared[index] : nil
        })
        self.readsAhead = !planReads.isEmpty
    }
}
