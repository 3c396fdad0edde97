import PromQL
import Storage

/// A `promtool test rules` file written from Burnrate's results: one test group of input series
/// whose `alert_rule_test`s and `promql_expr_test`s expect what Burnrate computed. Numbers are
/// written in their shortest round-trip form, so equal doubles read back equal: promtool 2.42
/// compares them exactly.
struct PromtoolTestFile {
    /// Rule files, relative to the test file.
    var ruleFiles: [String]
    /// The groups in evaluation order (promtool's own order is random).
    var groupEvalOrder: [String]
    /// The spacing of input samples and of evaluations.
    var interval = "1m"
    /// Input series and their values in the expanding notation.
    var inputSeries: [(series: String, values: String)] = []
    /// Alert expectations: the time, the alert name, the firing alerts.
    var alertTests: [BurnrateTimeline.Firing] = []
    /// Query expectations: a query and the samples expected at a time.
    var exprTests: [(expr: String, time: Int64, samples: [Sample])] = []

    /// The file's YAML text.
    var yaml: String {
        var lines = ["rule_files:"] + ruleFiles.map { "  - \(Self.quoted($0))" }
        lines += ["evaluation_interval: \(interval)", "group_eval_order:"] + groupEvalOrder.map { "  - \(Self.quoted($0))" }
        lines += ["tests:", "  - interval: \(interval)", "    input_series:"]
        for input in inputSeries {
            lines += ["      - series: \(Self.quoted(input.series))", "        values: \(Self.quoted(input.values))"]
        }
        lines.append("    alert_rule_test:")
        for test in alertTests {
            lines += ["      - eval_time: \(Self.duration(test.time))", "        alertname: \(Self.quoted(test.alertname))"]
            guard !test.alerts.isEmpty else {
                lines.append("        exp_alerts: []")
                continue
            }
            lines.append("        exp_alerts:")
            for alert in test.alerts {
                lines.append("          - exp_labels:")
                for label in alert.labels where label.name != "alertname" {
                    lines.append("              \(Self.quoted(label.name)): \(Self.quoted(label.value))")
                }
                lines.append("            exp_annotations:")
                for (name, value) in alert.annotations.sorted(by: { $0.key < $1.key }) {
                    lines.append("              \(Self.quoted(name)): \(Self.quoted(value))")
                }
            }
        }
        lines.append("    promql_expr_test:")
        for test in exprTests {
            lines += ["      - expr: \(Self.quoted(test.expr))", "        eval_time: \(Self.duration(test.time))"]
            guard !test.samples.isEmpty else {
                lines.append("        exp_samples: []")
                continue
            }
            lines.append("        exp_samples:")
            for sample in test.samples {
                lines += ["          - labels: \(Self.quoted(Self.metric(sample.labels)))", "            value: \(sample.v)"]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `name{label="value", ...}`, as promtool's `exp_samples` spell a series.
    static func metric(_ labels: Labels) -> String {
        (labels.metricName ?? "") + labels.removing(Label.metricName).description
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A time as a Prometheus duration (`90m`, `1d2h`).
    static func duration(_ milliseconds: Int64) -> String {
        milliseconds == 0 ? "0s" : PromDuration(milliseconds: milliseconds).description
    }
}
