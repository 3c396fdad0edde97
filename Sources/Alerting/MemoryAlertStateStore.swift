/// An `AlertStateStore` in memory, for tests and `burnrate test rules`.
public actor MemoryAlertStateStore: AlertStateStore {
    private var groups: [String: [PersistedAlert]] = [:]
    /// How many groups were saved, so tests can see that unchanged state is not rewritten.
    public private(set) var saves = 0
    /// How many times `save(_:)` was called.
    public private(set) var saveCalls = 0

    /// Creates an empty store.
    public init() {}

    /// See `AlertStateStore.load()`.
    public func load() -> [String: [PersistedAlert]] { groups }

    /// See `AlertStateStore.save(_:)`.
    public func save(_ saved: [String: [PersistedAlert]]) {
        saveCalls += 1
        for (groupKey, alerts) in saved {
            saves += 1
            groups[groupKey] = alerts.isEmpty ? nil : alerts
        }
    }
}
