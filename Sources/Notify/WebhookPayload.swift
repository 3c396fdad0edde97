public import Storage

/// The body Alertmanager 0.25 posts to a webhook (version 4), built from the alerts of one
/// flush of a group for one receiver integration.
public struct WebhookPayload: Sendable, Hashable {
    /// One alert of the payload.
    public struct Alert: Sendable, Hashable {
        /// `firing` or `resolved`.
        public var status: String
        public var labels: Labels
        public var annotations: [String: String]
        public var startsAt: AlertTimestamp
        /// Nil for a firing alert (written as Go's zero time).
        public var endsAt: AlertTimestamp?
        public var generatorURL: String
        /// 16 hexadecimal digits.
        public var fingerprint: String
    }

    /// The receiver's name, regex-quoted as Alertmanager does (`team\.a\+b`).
    public var receiver: String
    /// `firing` when at least one alert fires, else `resolved`.
    public var status: String
    /// The alerts, at most `max_alerts` of them.
    public var alerts: [Alert]
    /// The group's labels.
    public var groupLabels: Labels
    /// The labels every alert has with the same value.
    public var commonLabels: Labels
    /// The annotations every alert has with the same value.
    public var commonAnnotations: [String: String]
    /// The URL Burnrate is reachable at.
    public var externalURL: String
    /// The group key.
    public var groupKey: String
    /// How many alerts `max_alerts` left out.
    public var truncatedAlerts: Int

    /// The payload for `alerts` (already in Alertmanager's order) at `now`.
    public init(receiver: String, groupKey: String, groupLabels: Labels, alerts all: [NotifiableAlert], maxAlerts: Int, externalURL: String, now: AlertTimestamp) {
        let kept = maxAlerts > 0 && all.count > maxAlerts ? Array(all.prefix(maxAlerts)) : all
        truncatedAlerts = all.count - kept.count
        self.receiver = Self.quoteMeta(receiver)
        self.groupKey = groupKey
        self.groupLabels = groupLabels
        self.externalURL = externalURL
        alerts = kept.map { alert in
            let resolved = alert.isResolved(at: now)
            return Alert(
                status: resolved ? "resolved" : "firing", labels: alert.labels, annotations: alert.annotations, startsAt: alert.startsAt,
                endsAt: resolved ? alert.endsAt : nil, generatorURL: alert.generatorURL, fingerprint: alert.fingerprintText)
        }
        status = alerts.contains { $0.status == "firing" } ? "firing" : "resolved"
        if let first = kept.first {
            commonLabels = Labels(first.labels.filter { label in kept.allSatisfy { $0.labels[label.name] == label.value } })
            commonAnnotations = first.annotations.filter { entry in kept.allSatisfy { $0.annotations[entry.key] == entry.value } }
        } else {
            commonLabels = Labels()
            commonAnnotations = [:]
        }
    }

    /// Go's `regexp.QuoteMeta`: a backslash before every regular-expression metacharacter.
    static func quoteMeta(_ text: String) -> String {
        var result = ""
        for character in text.unicodeScalars {
            if "\\.+*?()|[]{}^$".unicodeScalars.contains(character) { result += "\\" }
            result.unicodeScalars.append(character)
        }
        return result
    }
}
