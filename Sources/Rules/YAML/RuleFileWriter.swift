/// Writes rule groups as a Prometheus rule file (`groups:`), which Prometheus, promtool and
/// Burnrate's own loader read back unchanged.
///
/// Every string is written double-quoted with escapes, so no expression, label or template needs
/// YAML's quoting rules; map keys are sorted, so the output is stable.
public enum RuleFileWriter {
    /// The rule file holding `groups`, in order.
    public static func yaml(_ groups: [RuleGroup]) -> String {
        var lines = ["groups:"]
        for group in groups {
            lines.append("- name: \(quote(group.name))")
            if let interval = group.interval { lines.append("  interval: \(PromQLBridge.format(interval))") }
            if group.limit > 0 { lines.append("  limit: \(group.limit)") }
            lines.append(group.rules.isEmpty ? "  rules: []" : "  rules:")
            for rule in group.rules {
                switch rule {
                case .recording(let recording):
                    lines.append("  - record: \(quote(recording.record))")
                    lines.append("    expr: \(quote(recording.expr))")
                    lines += map("labels", recording.labels)
                case .alerting(let alerting):
                    lines.append("  - alert: \(quote(alerting.alert))")
                    lines.append("    expr: \(quote(alerting.expr))")
                    if alerting.for != .zero { lines.append("    for: \(PromQLBridge.format(alerting.for))") }
                    if alerting.keepFiringFor != .zero {
                        lines.append("    keep_firing_for: \(PromQLBridge.format(alerting.keepFiringFor))")
                    }
                    lines += map("labels", alerting.labels)
                    lines += map("annotations", alerting.annotations)
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func map(_ key: String, _ values: [String: String]) -> [String] {
        guard !values.isEmpty else { return [] }
        return ["    \(key):"] + values.sorted { $0.key < $1.key }.map { "      \(quote($0.key)): \(quote($0.value))" }
    }

    /// A YAML double-quoted scalar.
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
