import Storage

/// The output of consecutive rules of one evaluation not yet written to the store: written in
/// one `RuleSampleStore.appendRuleOutput` call (one append for `SampleStore`, committed with the
/// wake-up's other output) when a later rule may read it (`RuleReads`) or at the end of the
/// evaluation.
struct RuleOutputBatch {
    /// The series to append (rule output and stale markers), in rule order.
    private(set) var series: [SeriesSamples] = []
    /// The rules with output in the batch, ascending.
    private(set) var rules: [Int] = []

    /// Whether nothing is waiting to be written.
    var isEmpty: Bool { series.isEmpty }

    /// Adds the output of rule `index`.
    mutating func add(_ output: [SeriesSamples], rule index: Int) {
        guard !output.isEmpty else { return }
        rules.append(index)
        series += output
    }

    /// Empties the batch.
    mutating func removeAll() {
        series.removeAll(keepingCapacity: true)
        rules.removeAll(keepingCapacity: true)
    }
}
