internal import Alerting
internal import Foundation
internal import Notify
internal import Rules
internal import Storage
internal import Synchronization

/// The alerts the rule scheduler holds, as the dispatcher receives them: what Prometheus sends
/// Alertmanager. Firing alerts (pending ones are not sent) and alerts resolved within the
/// retention, with the external labels added (an alert's own label wins), `startsAt` the time it
/// fired, `endsAt` the time it resolved, and a link to the rule's expression.
enum AlertNotifications {
    static func alerts(_ ruleAlerts: [RuleAlerts], externalLabels: [String: String], externalURL: String) -> [NotifiableAlert] {
        var result: [NotifiableAlert] = []
        let external = externalLabels.sorted(by: { $0.key < $1.key })
        for entry in ruleAlerts {
            guard case .alerting(let alerting) = entry.rule else { continue }
            var link: String?
            for alert in entry.alerts {
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
                // Only rules with an alert to send need their link (percent-encoding is costly).
                if link == nil { link = generatorURL(externalURL, expr: alerting.expr) }
                var labels = alert.labels
                for (name, value) in external where labels[name] == nil {
                    labels = labels.setting(name, to: value)
                }
                result.append(NotifiableAlert(
                    labels: labels, annotations: alert.annotations, startsAt: .milliseconds(startsAt), endsAt: endsAt,
                    generatorURL: link ?? ""))
            }
        }
        return result
    }

    /// The same alerts for `alertmanager_configs`, each with its rule group's evaluation interval.
    static func forwarded(_ ruleAlerts: [RuleAlerts], externalLabels: [String: String], externalURL: String) -> [ForwardedAlert] {
        ruleAlerts.flatMap { entry in
            alerts([entry], externalLabels: externalLabels, externalURL: externalURL).map { ForwardedAlert($0, groupInterval: entry.interval) }
        }
    }

    /// Links made before, by external URL and expression (cleared when it holds more than
    /// `linkCacheLimit`, so rule churn cannot grow it without bound).
    private static let links = Mutex<[String: String]>([:])
    private static let linkCacheLimit = 50_000

    /// `<external URL>/graph?g0.expr=<expr>&g0.tab=1`, Prometheus' link to a rule's expression.
    static func generatorURL(_ externalURL: String, expr: String) -> String {
        let key = externalURL + "\u{0}" + expr
        if let known = links.withLock({ $0[key] }) { return known }
        let link = makeGeneratorURL(externalURL, expr: expr)
        links.withLock { cache in
            if cache.count >= linkCacheLimit { cache.removeAll() }
            cache[key] = link
        }
        return link
    }

    private static func makeGeneratorURL(_ externalURL: String, expr: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&+=?#")
        let encoded = expr.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        let base = externalURL.hasSuffix("/") ? String(externalURL.dropLast()) : externalURL
        return base + "/graph?g0.expr=" + encoded + "&g0.tab=1"
    }
}
