import Alerting
import SLO
import PromQL
import Rules
import Storage

/// What Burnrate's evaluator computes for compiled SLO groups over input series, stepping as
/// `promtool test rules` does (every group in order at every interval from time 0): the recorded
/// SLI ratios, queried at checkpoints as a `promql_expr_test` queries them, and the firing alerts
/// of every alert name at every step.
struct BurnrateTimeline {
    /// The samples of `slo:sli_error:ratio_rate<window>` at one time.
    struct Ratios {
        var time: Int64
        var window: String
        var samples: [Sample]
    }

    /// The alerts of one name firing at one step.
    struct Firing {
        var time: Int64
        var alertname: String
        /// Each alert's labels (with `alertname`) and annotations, sorted.
        var alerts: [AlertText]
    }

    /// A firing alert as promtool's `alert_rule_test` compares it.
    struct AlertText: Hashable, Comparable {
        var labels: Labels
        var annotations: [String: String]

        static func < (lhs: AlertText, rhs: AlertText) -> Bool {
            lhs.labels != rhs.labels ? lhs.labels < rhs.labels : Labels(lhs.annotations) < Labels(rhs.annotations)
        }
    }

    private(set) var ratios: [Ratios] = []
    private(set) var firing: [Firing] = []

    /// Evaluates `groups` at every `interval` from 0 to `end` over `series` (all loaded first: a
    /// query at `t` reads nothing after `t`), querying the ratios of `windows` every `checkpoint`.
    init(
        groups: [ScheduledGroup], series: [(labels: Labels, samples: [ChunkSample])], engine: Engine,
        interval: Int64, end: Int64, checkpoint: Int64, windows: [String]
    ) async throws {
        let store = MemorySampleReader()
        for (labels, samples) in series { await store.add(labels, samples) }
        var evaluators = try groups.map {
            try RuleGroupEvaluator(group: $0.group, overrides: $0.overrides, engine: engine)
        }
        var alertnames: [String] = []
        for group in groups {
            for case .alerting(let rule) in group.group.rules where !alertnames.contains(rule.alert) { alertnames.append(rule.alert) }
        }
        let queries = try windows.map { ($0, try Parser.parse("slo:sli_error:ratio_rate\($0)")) }
        var time: Int64 = 0
        while time <= end {
            for index in evaluators.indices {
                let evaluation = await evaluators[index].evaluate(at: time, store: store)
                if let error = evaluation.errors.first { throw error }
            }
            for alertname in alertnames {
                let alerts = evaluators.flatMap { $0.activeAlerts(named: alertname) }.filter { $0.phase == .firing }
                firing.append(Firing(time: time, alertname: alertname,
                                     alerts: alerts.map { alert in
                                         // Sloth's rules know nothing of the annotations Burnrate adds.
                                         AlertText(labels: alert.labels, annotations: alert.annotations.filter { !SLOCompiler.addedAnnotations.contains($0.key) })
                                     }.sorted()))
            }
            if time > 0, time % checkpoint == 0 {
                for (window, query) in queries {
                    guard case .vector(let samples) = try await engine.instantQuery(query, at: time, reader: store) else { continue }
                    ratios.append(Ratios(time: time, window: window, samples: samples.sorted { $0.labels < $1.labels }))
                }
            }
            time += interval
            // Long CPU-bound work: let other tests' tasks run between steps.
            await Task.yield()
        }
    }

    /// How many alerts started firing and how many stopped, per `sloth_severity`.
    var transitions: [String: (fired: Int, resolved: Int)] {
        var result: [String: (fired: Int, resolved: Int)] = [:]
        var previous: [String: Set<AlertText>] = [:]
        for step in firing {
            let now = Set(step.alerts)
            let before = previous[step.alertname] ?? []
            for alert in now.subtracting(before) { result[alert.labels["sloth_severity"] ?? "", default: (0, 0)].fired += 1 }
            for alert in before.subtracting(now) { result[alert.labels["sloth_severity"] ?? "", default: (0, 0)].resolved += 1 }
            previous[step.alertname] = now
        }
        return result
    }
}
