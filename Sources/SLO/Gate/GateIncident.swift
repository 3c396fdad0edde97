/// An unresolved incident of an SLO state, as the deploy gate sees it.
public struct GateIncident: Sendable, Hashable {
    /// The incident's id.
    public var id: Int64
    /// Its status (`open`, `acknowledged`).
    public var status: String
    /// Its highest severity.
    public var severity: String

    /// Creates one.
    public init(id: Int64, status: String, severity: String) {
        self.id = id
        self.status = status
        self.severity = severity
    }
}
