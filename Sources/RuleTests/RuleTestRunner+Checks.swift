import Alerting
import PromQL
import Storage

extension RuleTestRunner {
    /// Compares the firing alerts named in `test` with those expected; a failure in promtool's words, or nil.
    func check(_ test: RuleTestFile.AlertTest, evaluators: [RuleGroupEvaluator], groupName: String) -> String? {
        var got: [AlertText] = []
        for evaluator in evaluators {
            for alert in evaluator.activeAlerts(named: test.alertname) where alert.phase == .firing {
                got.append(AlertText(labels: alert.labels, annotations: Labels(alert.annotations)))
            }
        }
        var expected: [AlertText] = []
        for alert in test.expAlerts {
            var labels = alert.expLabels
            labels["alertname"] = test.alertname
            expected.append(AlertText(labels: Labels(labels), annotations: Labels(alert.expAnnotations)))
        }
        got.sort()
        expected.sort()
        guard got != expected else { return nil }
        let name = groupName.isEmpty ? "" : "    name: \(groupName),\n"
        let time = (try? Self.duration(test.evalTime)).map { PromDuration(milliseconds: $0).description } ?? test.evalTime
        return name + "    alertname: \(test.alertname), time: \(time), \n        exp:\(Self.indent(AlertText.list(expected), "            ")), \n        got:\(Self.indent(AlertText.list(got), "            "))"
    }

    /// Runs `test`'s query at `time` and compares its samples with those expected.
    func check(_ test: RuleTestFile.ExprTest, at time: Int64, engine: Engine, store: MemorySampleReader) async -> String? {
        let timeText = PromDuration(milliseconds: time).description
        let head = "    expr: \(GoQuote.quote(test.expr)), time: \(timeText)"
        var got: [Sample]
        do {
            let expr = try Parser.parse(test.expr)
            switch try await engine.instantQuery(expr, at: time, reader: store) {
            case .vector(let samples): got = samples
            case .scalar(let t, let v): got = [Sample(labels: Labels(), t: t, v: v)]
            default: return head + ", err: rule result is not a vector or scalar"
            }
        } catch let error as ParseError {
            return head + ", err: \(error.description)"
        } catch let error as EvaluationError {
            return head + ", err: \(error.message)"
        } catch {
            return head + ", err: \(error)"
        }
        var expected: [Sample] = []
        for sample in test.expSamples {
            do {
                expected.append(Sample(labels: try MetricText.parse(sample.labels), t: time, v: sample.value))
            } catch {
                return head + ", err: labels \(GoQuote.quote(sample.labels)): \(error.message)"
            }
        }
        got.sort { $0.labels < $1.labels }
        expected.sort { $0.labels < $1.labels }
        let same = got.count == expected.count && zip(got, expected).allSatisfy { g, e in
            g.labels == e.labels && valuesMatch(expected: e.v, got: g.v)
        }
        if same { return nil }
        return head + ",\n        exp: \(Self.samplesText(expected))\n        got: \(Self.samplesText(got))"
    }

    func valuesMatch(expected: Double, got: Double) -> Bool {
        if expected == got { return true }
        guard relativeTolerance > 0, expected.isFinite, got.isFinite else { return false }
        return abs(expected - got) <= relativeTolerance * max(abs(expected), abs(got))
    }

    static func samplesText(_ samples: [Sample]) -> String {
        if samples.isEmpty { return "nil" }
        return samples.map { "\($0.labels.description) \(GoNumberFormat.shortestExponent($0.v))" }.joined(separator: ", ")
    }

    /// promtool's `indentLines`: every line after the first gets `indentation`.
    static func indent(_ text: String, _ indentation: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 ? String($0.element) : indentation + $0.element }
            .joined(separator: "\n")
    }
}

/// An alert as promtool compares and prints it: labels and annotations.
struct AlertText: Hashable, Comparable {
    var labels: Labels
    var annotations: Labels

    static func < (lhs: AlertText, rhs: AlertText) -> Bool {
        lhs.labels != rhs.labels ? lhs.labels < rhs.labels : lhs.annotations < rhs.annotations
    }

    var text: String { "Labels:\(labels.description)\nAnnotations:\(annotations.description)" }

    /// promtool's `labelsAndAnnotations.String()`.
    static func list(_ alerts: [AlertText]) -> String {
        if alerts.isEmpty { return "[]" }
        var text = "["
        for (index, alert) in alerts.enumerated() {
            text += (index == 0 ? "\n" : ",\n") + "\(index):" + RuleTestRunner.indent("\n" + alert.text, "  ")
        }
        return text + "\n]"
    }
}
