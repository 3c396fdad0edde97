import Notify

/// A `SilenceStore` holding no silence whose reads wait until the test opens the gate, to let
/// two dispatcher ticks interleave at that point.
actor GatedSilenceStore: SilenceStore {
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var isOpen = false

    func silences() async throws(SilenceStoreError) -> [Silence] {
        if !isOpen { await withCheckedContinuation { waiting.append($0) } }
        return []
    }

    func save(_ silence: Silence) {}

    func deleteExpired(before time: Int64) -> Int { 0 }

    /// How many reads are waiting at the gate.
    var pending: Int { waiting.count }

    /// Lets the waiting reads and every later one through.
    func open() {
        isOpen = true
        for continuation in waiting { continuation.resume() }
        waiting = []
    }
}
