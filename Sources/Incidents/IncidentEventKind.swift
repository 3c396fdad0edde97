/// The incident events sent to receivers.
public enum IncidentEventKind: String, Sendable, Hashable, Codable {
    /// A new incident.
    case opened
    /// A resolved incident whose key fired again within `reopen_within`.
    case reopened
    /// Someone acknowledged it.
    case acknowledged
    /// Its alerts resolved, or someone resolved it.
    case resolved
}
