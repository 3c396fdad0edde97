/// Where incidents are kept: every save is durable before it returns, so incidents survive a
/// restart. `SQLiteIncidentStore` is the service's; `MemoryIncidentStore` the tests'.
public protocol IncidentStore: Sendable {
    /// Inserts or replaces `incident` (by id).
    func save(_ incident: Incident) async throws(IncidentStoreError)
    /// The incident with `id`, if any.
    func incident(id: Int64) async throws(IncidentStoreError) -> Incident?
    /// The incidents `filter` matches, newest (highest id) first.
    func incidents(_ filter: IncidentFilter) async throws(IncidentStoreError) -> [Incident]
    /// The largest id saved, 0 when none.
    func largestID() async throws(IncidentStoreError) -> Int64
}

/// A failure to read or write incidents.
public struct IncidentStoreError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
