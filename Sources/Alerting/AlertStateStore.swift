/// Where the alert state of rule groups is kept between evaluations, so that it survives a
/// restart: pending and firing alerts keep their `activeAt`, resolved ones their retention.
///
/// A group is saved whole after each evaluation that changed it; the records of the groups of one
/// save replace the previous ones atomically (the scheduler saves the groups of a wake-up at once).
public protocol AlertStateStore: Sendable {
    /// Every saved alert, by group key (`file;name`, as Prometheus keys groups).
    func load() async throws(AlertStateStoreError) -> [String: [PersistedAlert]]
    /// Replaces the saved alerts of each group key of `groups` with its alerts (none removes the
    /// group), all or none.
    func save(_ groups: [String: [PersistedAlert]]) async throws(AlertStateStoreError)
}

extension AlertStateStore {
    /// Replaces the saved alerts of the group `groupKey` with `alerts` (none removes the group).
    public func save(groupKey: String, alerts: [PersistedAlert]) async throws(AlertStateStoreError) {
        try await save([groupKey: alerts])
    }
}

/// A failure to read or write saved alert state.
public struct AlertStateStoreError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
