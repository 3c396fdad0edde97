/// Why an incident is left out of the statistics.
public enum IncidentFlag: String, Sendable, Hashable, Codable, CaseIterable {
    /// Caused by planned work.
    case maintenance
    /// Caused on purpose (a drill, a test of the alerts).
    case test
}
