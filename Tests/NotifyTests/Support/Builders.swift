import Delivery
import Logging
import Notify
import Rules
import Storage

/// Small helpers that keep the tests short.
func alert(_ labels: Labels, startsAt: Int64, endsAt: Int64? = nil, annotations: [String: String] = [:]) -> NotifiableAlert {
    NotifiableAlert(labels: labels, annotations: annotations, startsAt: .milliseconds(startsAt), endsAt: endsAt.map { .milliseconds($0) })
}

func notificationConfig(_ yaml: String) -> NotificationConfig {
    let (config, diagnostics) = ConfigLoader.parse(yaml, file: "t.yml")
    precondition(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
    return config.notifications
}

func makeDispatcher(
    _ config: NotificationConfig, outbox: RecordingOutbox = RecordingOutbox(), silences: any SilenceStore = MemorySilenceStore()
) -> Dispatcher {
    Dispatcher(config: config, outbox: outbox, silences: silences, externalURL: "http://burnrate.test", logger: Logger(label: "test"))
}

/// The alerts of a message body, as (status, fingerprint or alertname) pairs, for short checks.
struct SentPayload {
    var receiver: String
    var status: String
    var alerts: [(status: String, labels: [String: String])]
    var groupKey: String
    var truncated: Int

    init(_ message: OutboxMessage) throws {
        let object = try JSONValue.parse(message.body)
        receiver = object["receiver"]?.string ?? ""
        status = object["status"]?.string ?? ""
        groupKey = object["groupKey"]?.string ?? ""
        truncated = Int(object["truncatedAlerts"]?.number ?? -1)
        alerts = (object["alerts"]?.array ?? []).map { item in
            (item["status"]?.string ?? "", (item["labels"]?.object ?? [:]).compactMapValues(\.string))
        }
    }

    /// `instance` (or `alertname`) of each alert with its status, e.g. `a:firing`.
    var summary: [String] {
        alerts.map { "\($0.labels["instance"] ?? $0.labels["alertname"] ?? "?"):\($0.status)" }
    }
}
