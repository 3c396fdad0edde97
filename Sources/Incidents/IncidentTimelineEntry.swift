/// One thing that happened to an incident.
public struct IncidentTimelineEntry: Sendable, Hashable, Codable {
    /// What kind of thing.
    public enum Kind: String, Sendable, Hashable, Codable {
        case opened, reopened, alertFiring = "alert_firing", alertResolved = "alert_resolved", acknowledged, resolved, note, flagged
    }

    /// When, in milliseconds.
    public var time: Int64
    /// What.
    public var kind: Kind
    /// Who, for what people do (acknowledge, resolve, note, flag).
    public var actor: String?
    /// The details in words.
    public var text: String

    /// Creates an entry.
    public init(time: Int64, kind: Kind, actor: String? = nil, text: String) {
        self.time = time
        self.kind = kind
        self.actor = actor
        self.text = text
    }
}
