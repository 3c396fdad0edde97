/// Where silences are kept: `MemorySilenceStore` (tests), `SQLiteSilenceStore` (the service).
public protocol SilenceStore: Sendable {
    /// Every silence, whatever its state, ordered by id.
    func silences() async throws(SilenceStoreError) -> [Silence]
    /// Stores a silence, replacing the one with the same id.
    func save(_ silence: Silence) async throws(SilenceStoreError)
    /// Removes silences that ended before `time` (garbage collection of expired ones); returns
    /// how many were removed.
    func deleteExpired(before time: Int64) async throws(SilenceStoreError) -> Int
}

extension SilenceStore {
    /// The silence with `id`, or nil.
    public func silence(id: String) async throws(SilenceStoreError) -> Silence? {
        try await silences().first { $0.id == id }
    }

    /// The silences active at `now`.
    public func active(at now: Int64) async throws(SilenceStoreError) -> [Silence] {
        try await silences().filter { $0.state(at: now) == .active }
    }

    /// Ends the silence `id` at `now` (see `Silence.expired(at:)`); nil when there is none.
    public func expire(id: String, now: Int64) async throws(SilenceStoreError) -> Silence? {
        guard let silence = try await silence(id: id) else { return nil }
        let expired = silence.expired(at: now)
        if expired != silence { try await save(expired) }
        return expired
    }
}
