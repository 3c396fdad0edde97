/// When incidents open and merge (`incidents:` in `burnrate.yml`).
public struct IncidentPolicy: Sendable, Hashable {
    /// Severities whose alerts open an incident when they start firing (`sloth_severity`, else
    /// `severity`).
    public var openOn: Set<String>
    /// The labels that key incidents of rule alerts (alerts without `sloth_id`).
    public var keyLabels: [String]
    /// How long after resolving an incident reopens, instead of a new one opening, when its key
    /// fires again; milliseconds.
    public var reopenWithin: Int64

    /// Creates a policy; the defaults open on page alerts, key rule alerts by `alertname` and
    /// reopen within 30 minutes.
    public init(openOn: Set<String> = ["page"], keyLabels: [String] = ["alertname"], reopenWithin: Int64 = 30 * 60_000) {
        self.openOn = openOn
        self.keyLabels = keyLabels
        self.reopenWithin = reopenWithin
    }

    /// The severity of an alert's labels: `sloth_severity`, else `severity`, else empty.
    public static func severity(of labels: [String: String]) -> String {
        labels["sloth_severity"] ?? labels["severity"] ?? ""
    }

    /// How severe a severity is, to keep an incident's highest: page and critical above ticket,
    /// error and warning above info and the rest.
    public static func rank(_ severity: String) -> Int {
        switch severity.lowercased() {
        case "page", "critical": 4
        case "error": 3
        case "ticket", "warning": 2
        case "info": 1
        default: 0
        }
    }
}
