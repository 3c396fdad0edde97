public import Delivery
public import Rules
internal import Storage

/// Forwards alerts to existing Alertmanagers (`alertmanager_configs` of a receiver) as Prometheus
/// 2.42 sends them: no grouping and no muting (the Alertmanager does both); an alert routed to the
/// receiver is sent when first seen, again once `resend_delay` has passed since it was last sent,
/// and once more when it resolves. A firing alert's `endsAt` is the send time plus four times the
/// larger of its rule group's evaluation interval and `resend_delay`, so the Alertmanager resolves
/// it by itself when the resends stop; a resolved alert's is its resolution time.
///
/// A value type with no clock and no I/O: `batches(for:now:)` returns the request bodies, at most
/// 64 alerts each, for the caller to post to `<url>/api/v2/alerts`. What was sent when is kept in
/// memory only: after a restart every alert is sent again, which an Alertmanager merges.
public struct AlertForwarder: Sendable {
    /// One request: alerts for one Alertmanager.
    public struct Batch: Sendable, Hashable {
        /// The receiver and integration (`alertmanager/<index>`).
        public var target: IntegrationKey
        /// The alerts, with the `endsAt` they are sent with.
        public var alerts: [NotifiableAlert]

        /// The body: API v2's `postableAlerts`, a JSON array.
        public var body: [UInt8] {
            var writer = GoJSONWriter()
            writer.raw("[")
            for (index, alert) in alerts.enumerated() {
                if index > 0 { writer.raw(",") }
                writer.raw("{")
                writer.key("labels", first: true)
                writer.map(Dictionary(alert.labels.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }))
                writer.key("annotations")
                writer.map(alert.annotations)
                writer.key("startsAt")
                writer.string(alert.startsAt.description)
                if let endsAt = alert.endsAt {
                    writer.key("endsAt")
                    writer.string(endsAt.description)
                }
                writer.key("generatorURL")
                writer.string(alert.generatorURL)
                writer.raw("}")
            }
            writer.raw("]")
            return writer.bytes
        }
    }

    /// At most this many alerts per request, as Prometheus sends them.
    public static let maxBatchSize = 64

    private struct Target: Sendable {
        var key: IntegrationKey
        /// Milliseconds.
        var resendDelay: Int64
    }

    private let tree: RouteNode?
    private let targets: [String: [Target]]
    /// When each alert was last sent to each target, milliseconds since the epoch.
    private var lastSent: [IntegrationKey: [UInt64: Int64]] = [:]

    /// A forwarder for the `alertmanager_configs` of `config`'s receivers.
    public init(config: NotificationConfig) {
        tree = config.route.map(RouteNode.init(root:))
        var targets: [String: [Target]] = [:]
        for receiver in config.receivers {
            for (index, forward) in receiver.alertmanagerConfigs.enumerated() {
                targets[receiver.name, default: []].append(Target(
                    key: IntegrationKey(receiver: receiver.name, integration: "alertmanager/\(index)"),
                    resendDelay: Dispatcher.milliseconds(forward.resendDelay)))
            }
        }
        self.targets = targets
    }

    /// Whether the configuration forwards to any Alertmanager.
    public var isEmpty: Bool { targets.isEmpty }

    /// The requests due at `now` for the current alert set (firing alerts, and resolved ones with
    /// their `endsAt`, each with its rule group's interval), and records them as sent; alerts no
    /// longer in the set are forgotten.
    public mutating func batches(for alerts: [ForwardedAlert], now: Int64) -> [Batch] {
        guard let tree, !targets.isEmpty else { return [] }
        let time = AlertTimestamp.milliseconds(now)
        var due: [IntegrationKey: [NotifiableAlert]] = [:]
        var seen: [IntegrationKey: Set<UInt64>] = [:]
        for forwarded in alerts.sorted(by: { NotifiableAlert.precedes($0.alert, $1.alert) }) {
            let alert = forwarded.alert
            let interval = Dispatcher.milliseconds(forwarded.groupInterval)
            var receivers: [String] = []
            for route in tree.match(alert.labels) where !receivers.contains(route.receiver) { receivers.append(route.receiver) }
            for receiver in receivers {
                for target in targets[receiver] ?? [] {
                    let fingerprint = alert.fingerprint
                    seen[target.key, default: []].insert(fingerprint)
                    let last = lastSent[target.key]?[fingerprint]
                    guard Self.needsSending(alert, lastSent: last, resendDelay: target.resendDelay, now: now, time: time) else { continue }
                    var sent = alert
                    if !alert.isResolved(at: time) { sent.endsAt = .milliseconds(now + 4 * max(interval, target.resendDelay)) }
                    due[target.key, default: []].append(sent)
                    lastSent[target.key, default: [:]][fingerprint] = now
                }
            }
        }
        for key in Array(lastSent.keys) {
            lastSent[key] = lastSent[key]?.filter { seen[key]?.contains($0.key) == true }
            if lastSent[key]?.isEmpty == true { lastSent[key] = nil }
        }
        var result: [Batch] = []
        for key in due.keys.sorted(by: { ($0.receiver, $0.integration) < ($1.receiver, $1.integration) }) {
            let list = due[key] ?? []
            for start in stride(from: 0, to: list.count, by: Self.maxBatchSize) {
                result.append(Batch(target: key, alerts: Array(list[start..<min(start + Self.maxBatchSize, list.count)])))
            }
        }
        return result
    }

    /// Prometheus' rule: a resolved alert not sent since it resolved; any alert not sent yet, or
    /// last sent more than `resendDelay` ago.
    static func needsSending(_ alert: NotifiableAlert, lastSent: Int64?, resendDelay: Int64, now: Int64, time: AlertTimestamp) -> Bool {
        guard let lastSent else { return true }
        if alert.isResolved(at: time), let endsAt = alert.endsAt, endsAt > .milliseconds(lastSent) { return true }
        return lastSent + resendDelay < now
    }
}
