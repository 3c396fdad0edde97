internal import Alerting
internal import Foundation
internal import Notify
internal import Rules
internal import Storage

/// The alerts the rule scheduler holds, as the dispatcher receives them: what Prometheus sends
/// Alertmanager. Firing alerts (pending ones are not sent) and alerts resolved within the
/// retention, with the external labels added (an alert's own label wins), `startsAt` the time it
/// fired, `endsAt` the time it resolved, and a link to the rule's expression.
enum AlertNotifications {
    static func alerts(_ statuses: [RuleGroupStatus], externalLabels: [String: String], externalURL: String) -> [NotifiableAlert] {
        var result: [NotifiableAlert] = []
        for group in statuses {
            for rule in group.rules {
                guard case .alerting(let alerting) = rule.rule else { continue }
                let link = generatorURL(externalURL, expr: alerting.expr)
                for alert in rule.alerts {
                    let startsAt: Int64
                    var endsAt: AlertTimestamp?
                    switch alert.phase {
                    case .pending:
                        continue
                    case .firing:
                        startsAt = alert.firedAt ?? alert.activeAt
                    case .inactive:
                        // Resolved: only alerts that fired were sent, and so need a resolution.
                        guard let firedAt = alert.firedAt, let resolvedAt = alert.resolvedAt else { continue }
                        startsAt = firedAt
                        endsAt = .milliseconds(resolvedAt)
                    }
                    var labels = alert.labels
                    for (name, value) in externalLabels.sorted(by: { $0.key < $1.key }) where labels[name] == nil {
                        labels = labels.setting(name, to: value)
                    }
                    result.append(NotifiableAlert(
                        labels: labels, annotations: alert.annotations, startsAt: .milliseconds(startsAt), endsAt: endsAt,
                        generatorURL: link))
                }
            }
        }
        return result
    }

    /// `<external URL>/graph?g0.expr=<expr>&g0.tab=1`, Prometheus' link to a rule's expression.
    static func generatorURL(_ externalURL: String, expr: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&+=?#")
        let encoded = expr.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        let base = externalURL.hasSuffix("/") ? String(externalURL.dropLast()) : externalURL
        return base + "/graph?g0.expr=" + encoded + "&g0.tab=1"
    }
}
