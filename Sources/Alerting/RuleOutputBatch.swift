import PromQL
import Storage

/// The output of consecutive rules of one evaluation not yet written to the store: written in
/// one `RuleSampleStore.appendRuleOutput` call (one append for `SampleStore`, committed with the
/// wake-up's other output) when a later rule may read it (`RuleReads`) or at the end of the
/// evaluation.
struct RuleOutputBatch {
    /// The series to append with their sample (rule output and stale markers), in rule order.
    private(set) var series: [LabeledSample] = []
    /// The rules with output in the batch, ascending, each with where its series start in
    /// `series` and how many of them are its output (the stale markers after them are not).
    private var entries: [(rule: Int, start: Int, count: Int)] = []
    /// Per series, the store's reference to it when known (`RuleSampleStore.appendRuleOutput(_:refs:)`
    /// skips the label lookup with it and fills in the others).
    var refs: [SeriesRef?] = []

    /// An empty batch with room for `series` series of `rules` rules, so that filling it grows
    /// its arrays once.
    init(series: Int = 0, rules: Int = 0) {
        self.series.reserveCapacity(series)
        self.refs.reserveCapacity(series)
        self.entries.reserveCapacity(rules)
    }

    /// Whether nothing is waiting to be written.
    var isEmpty: Bool { series.isEmpty }

    /// Adds the output of rule `index`, then a stale marker at `time` for each of `stale`, the
    /// series it no longer writes; `known` are the references of its output series when the
    /// caller has them (and it has no stale series).
    mutating func add(_ output: [Sample], stale: [Labels], at time: Int64, rule index: Int, known: [SeriesRef?]?) {
        guard !output.isEmpty || !stale.isEmpty else { return }
        entries.append((index, series.count, output.count))
        for sample in output { series.append(LabeledSample(labels: sample.labels, sample: ChunkSample(t: sample.t, v: sample.v))) }
        for labels in stale { series.append(LabeledSample(labels: labels, sample: ChunkSample(t: time, v: ChunkSample.staleMarker))) }
        if let known, stale.isEmpty, known.count == output.count {
            refs += known
        } else {
            refs += repeatElement(nil, count: output.count + stale.count)
        }
    }

    /// The rules with output in the batch, ascending.
    var rules: some RandomAccessCollection<Int> { entries.lazy.map { $0.rule } }

    /// The references of rule `rules[position]`'s output series, after a write filled them in.
    func outputRefs(_ position: Int) -> ArraySlice<SeriesRef?> {
        refs[entries[position].start..<(entries[position].start + entries[position].count)]
    }

    /// Empties the batch.
    mutating func removeAll() {
        series.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        refs.removeAll(keepingCapacity: true)
    }
}
