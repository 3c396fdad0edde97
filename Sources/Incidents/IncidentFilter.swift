/// Which incidents a query wants; every field set must match.
public struct IncidentFilter: Sendable, Hashable {
    /// Any of these statuses (all when empty).
    public var statuses: Set<IncidentStatus>
    /// This SLO.
    public var slo: String?
    /// This service.
    public var service: String?
    /// This key (canonical form).
    public var key: String?
    /// Detected at or after this time, or still unresolved then (milliseconds).
    public var since: Int64?
    /// At most this many, the newest.
    public var limit: Int?

    /// Creates a filter; with no argument, every incident.
    public init(statuses: Set<IncidentStatus> = [], slo: String? = nil, service: String? = nil, key: String? = nil, since: Int64? = nil, limit: Int? = nil) {
        self.statuses = statuses
        self.slo = slo
        self.service = service
        self.key = key
        self.since = since
        self.limit = limit
    }

    /// Whether `incident` matches.
    public func matches(_ incident: Incident) -> Bool {
        (statuses.isEmpty || statuses.contains(incident.status))
            && (slo.map { incident.slo == $0 } ?? true)
            && (service.map { incident.service == $0 } ?? true)
            && (key.map { incident.key == $0 } ?? true)
            && (since.map { since in incident.detectedAt >= since || (incident.resolvedAt.map { $0 >= since } ?? true) } ?? true)
    }
}
