/// An `AlertStateStore` in memory, for tests and `burnrate test rules`.
public actor MemoryAlertStateStore: AlertStateStore {
    private var groups: [String: [PersistedAlert]] = [:]
    /// How many saves were made, so tests can see that unchanged state is not rewritten.
    public private(set) var saves = 0

    /// Creates an empty store.
    public init() {}

    /// See `AlertStateStore.load()`.
    public func load() -> [String: [PersistedAlert]] { groups }

    /// See `AlertStateStore.save(groupKey:alerts:)`.
    public func save(groupKey: String, alerts: [PersistedAlert]) {
        saves += 1
        groups[groupKey] = alerts.isEmpty ? nil : alerts
    }
}
