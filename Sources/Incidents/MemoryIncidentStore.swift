/// An `IncidentStore` in memory, for tests and tools.
public actor MemoryIncidentStore: IncidentStore {
    private var incidents: [Int64: Incident] = [:]

    /// An empty store.
    public init() {}

    /// See `IncidentStore.save(_:)`.
    public func save(_ incident: Incident) {
        incidents[incident.id] = incident
    }

    /// See `IncidentStore.incident(id:)`.
    public func incident(id: Int64) -> Incident? {
        incidents[id]
    }

    /// See `IncidentStore.incidents(_:)`.
    public func incidents(_ filter: IncidentFilter) -> [Incident] {
        let matching = incidents.values.filter(filter.matches).sorted { $0.id > $1.id }
        return filter.limit.map { Array(matching.prefix($0)) } ?? matching
    }

    /// See `IncidentStore.largestID()`.
    public func largestID() -> Int64 {
        incidents.keys.max() ?? 0
    }
}
