/// An incident event for webhook receivers: what happened, when, and the incident as it stands.
///
/// Encodes as `{"type":"incident.opened","time":…,"incident":{…}}` (times in milliseconds);
/// docs/incidents.md shows the full shape.
public struct IncidentEvent: Sendable, Hashable, Encodable {
    /// What happened.
    public var kind: IncidentEventKind
    /// When, in milliseconds.
    public var time: Int64
    /// The incident after the change.
    public var incident: Incident

    /// Creates an event.
    public init(kind: IncidentEventKind, time: Int64, incident: Incident) {
        self.kind = kind
        self.time = time
        self.incident = incident
    }

    private enum CodingKeys: String, CodingKey { case type, time, incident }

    /// `type` is `incident.<kind>`, the incident is encoded whole.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("incident.\(kind.rawValue)", forKey: .type)
        try container.encode(time, forKey: .time)
        try container.encode(incident, forKey: .incident)
    }
}
