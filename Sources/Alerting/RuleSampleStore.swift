public import Storage

/// Storage that rule evaluation reads from and writes its output to, so that recorded series and
/// `ALERTS` are visible to later rules and later evaluations.
public protocol RuleSampleStore: SampleReader {
    /// Appends one sample per series (rule output or a stale marker).
    func appendRuleOutput(_ series: [SeriesSamples]) async
}

extension MemorySampleReader: RuleSampleStore {
    /// See `RuleSampleStore.appendRuleOutput(_:)`.
    public func appendRuleOutput(_ series: [SeriesSamples]) {
        for entry in series { add(entry.labels, entry.samples) }
    }
}
