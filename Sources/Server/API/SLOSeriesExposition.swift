internal import Alerting
internal import PromQL
internal import Storage

/// The series Sloth's rules record, as the last SLO evaluation wrote them, in Prometheus' text
/// format for `/metrics`, so that a Prometheus scraping Burnrate gets `slo:sli_error:ratio_rate5m`,
/// `slo:period_error_budget_remaining:ratio`, `sloth_slo_info`… and Sloth's Grafana dashboards work
/// on it unchanged. `ALERTS` and `ALERTS_FOR_STATE` are left out.
enum SLOSeriesExposition {
    static func text(_ samples: [Sample]) -> String {
        var byName: [String: [Sample]] = [:]
        for sample in samples {
            guard let name = sample.labels.metricName, !name.hasPrefix("ALERTS") else { continue }
            byName[name, default: []].append(sample)
        }
        var text = ""
        for name in byName.keys.sorted() {
            text += "# TYPE \(name) gauge\n"
            for sample in byName[name]!.sorted(by: { $0.labels < $1.labels }) {
                let labels = sample.labels.filter { $0.name != Label.metricName }
                    .map { "\($0.name)=\"\(escape($0.value))\"" }.joined(separator: ",")
                text += name + (labels.isEmpty ? "" : "{\(labels)}") + " " + GoNumberFormat.shortest(sample.v) + "\n"
            }
        }
        return text
    }

    private static func escape(_ value: String) -> String {
        var result = ""
        for character in value {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }
}
