/// Where an incident is in its lifecycle.
public enum IncidentStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Its alerts fire (or fired again) and nobody has acknowledged it since.
    case open
    /// Someone is on it.
    case acknowledged
    /// Every alert resolved, or someone resolved it by hand.
    case resolved
}
