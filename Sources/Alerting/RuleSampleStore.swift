public import Storage

/// Storage that rule evaluation reads from and writes its output to, so that recorded series and
/// `ALERTS` are visible to later rules and later evaluations.
public protocol RuleSampleStore: SampleReader {
    /// Appends one sample per series (rule output or a stale marker), visible to reads at once;
    /// durable once `commitRuleOutput()` returns, or sooner.
    func appendRuleOutput(_ samples: [LabeledSample]) async throws(StorageError)

    /// `appendRuleOutput(_:)` with the store's references to the series (one per series, nil where
    /// unknown): a store that has them finds a series by its reference rather than its labels,
    /// and sets each entry to the series' reference after the append (nil where it has none).
    func appendRuleOutput(_ samples: [LabeledSample], refs: inout [SeriesRef?]) async throws(StorageError)

    /// Makes the rule output appended so far durable; the scheduler calls it after the groups of
    /// a wake-up, so their output costs one transaction.
    func commitRuleOutput() async throws(StorageError)
}

extension RuleSampleStore {
    /// `appendRuleOutput(_:)`, the references left as they are.
    public func appendRuleOutput(_ samples: [LabeledSample], refs: inout [SeriesRef?]) async throws(StorageError) {
        try await appendRuleOutput(samples)
    }
}

extension MemorySampleReader: RuleSampleStore {
    /// See `RuleSampleStore.appendRuleOutput(_:)`.
    public func appendRuleOutput(_ samples: [LabeledSample]) {
        for entry in samples { add(entry.labels, [entry.sample]) }
    }

    /// Nothing to do: memory is all there is.
    public func commitRuleOutput() {}
}

extension SampleStore: RuleSampleStore {
    /// See `RuleSampleStore.appendRuleOutput(_:)`: `appendDeferred(_:refs:)`, an append with its commit
    /// deferred unless it creates a series or cuts a chunk. A sample at a time the series already
    /// has (a re-evaluation after a restart) is kept as first written.
    public func appendRuleOutput(_ samples: [LabeledSample]) async throws(StorageError) {
        guard !samples.isEmpty else { return }
        var refs: [SeriesRef?] = []
        try appendDeferred(samples, refs: &refs)
    }

    /// See `RuleSampleStore.appendRuleOutput(_:refs:)`: `appendDeferred(_:refs:)`.
    public func appendRuleOutput(_ samples: [LabeledSample], refs: inout [SeriesRef?]) async throws(StorageError) {
        guard !samples.isEmpty else { return }
        try appendDeferred(samples, refs: &refs)
    }

    /// See `RuleSampleStore.commitRuleOutput()`: `commitDeferred()`.
    public func commitRuleOutput() async throws(StorageError) {
        try commitDeferred()
    }
}
