/// A `SilenceStore` in memory, for tests.
public actor MemorySilenceStore: SilenceStore {
    private var byID: [String: Silence] = [:]

    /// A store holding `silences`.
    public init(_ silences: [Silence] = []) {
        for silence in silences { byID[silence.id] = silence }
    }

    /// See `SilenceStore.silences()`.
    public func silences() -> [Silence] {
        byID.values.sorted { $0.id < $1.id }
    }

    /// See `SilenceStore.save(_:)`.
    public func save(_ silence: Silence) {
        byID[silence.id] = silence
    }

    /// See `SilenceStore.deleteExpired(before:)`.
    public func deleteExpired(before time: Int64) -> Int {
        let gone = byID.values.filter { $0.endsAt < time }.map(\.id)
        for id in gone { byID[id] = nil }
        return gone.count
    }
}
