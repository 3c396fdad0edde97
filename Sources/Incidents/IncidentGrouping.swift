/// What incident statistics are grouped by.
public enum IncidentGrouping: String, Sendable, Hashable, CaseIterable {
    /// One group of every incident.
    case all
    /// One group per SLO (rule-alert incidents under none).
    case slo
    /// One group per service.
    case service
}
