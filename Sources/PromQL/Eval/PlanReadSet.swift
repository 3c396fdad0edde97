internal import Storage

/// What the label-free plans (`LabelFreePlan`) of several prepared queries read, worked out
/// once: each selector (its matchers and offset) with every window the plans take of it, so
/// that one `SampleReader.accumulate(_:)` of every selector serves them all. An SLO's 8 SLI
/// ratios read its error and total selectors over 8 windows: one read instead of 16, in which the
/// error series, which both select, is folded once.
///
/// `Engine.readAhead(_:at:reader:)` makes the reads of one evaluation time (`PlanReads`), and
/// `Engine.instantQuery(_:at:reader:readAhead:)` takes a query's sums from them, with the same
/// result bit for bit as reading on its own.
public final class PlanReadSet: Sendable {
    /// One selector read for several windows ending at the same time.
    struct Read: Sendable {
        var matchers: [SeriesMatcher]
        /// Milliseconds before the evaluation time the windows end.
        var offset: Int64
        /// The windows' lengths, milliseconds.
        var ranges: [Int64]
    }

    /// Where a leaf's series are: the read and the window within it.
    struct Slot: Sendable {
        var read: Int
        var window: Int
    }

    let reads: [Read]
    /// Per query, in the order given, the slot of each of its plan's leaves; nil for a query
    /// given as nil or without a plan.
    let slots: [[Slot]?]
    /// The lookback delta the queries were prepared with (all the same, or the set is empty).
    let lookbackDelta: Int64?

    /// The reads of the plans of `queries`; a nil entry (a query to evaluate otherwise) keeps its
    /// position. Queries prepared with another lookback delta than the first are left out.
    public init(_ queries: [PreparedQuery?]) {
        var reads: [Read] = []
        var readIndex: [ReadKey: Int] = [:]
        var slots: [[Slot]?] = []
        let lookbackDelta = queries.lazy.compactMap { $0 }.first { $0.plan != nil }?.lookbackDelta
        for query in queries {
            guard let query, let plan = query.plan, query.lookbackDelta == lookbackDelta else {
                slots.append(nil)
                continue
            }
            var leafSlots: [Slot] = []
            for leaf in plan.leaves {
                let key = ReadKey(matchers: leaf.matchers, offset: leaf.offset)
                let read: Int
                if let known = readIndex[key] {
                    read = known
                } else {
                    read = reads.count
                    readIndex[key] = read
                    reads.append(Read(matchers: key.matchers, offset: key.offset, ranges: []))
                }
                let range = leaf.range
                let window: Int
                if let known = reads[read].ranges.firstIndex(of: range) {
                    window = known
                } else {
                    window = reads[read].ranges.count
                    reads[read].ranges.append(range)
                }
                leafSlots.append(Slot(read: read, window: window))
            }
            slots.append(leafSlots)
        }
        self.reads = reads
        self.slots = slots
        self.lookbackDelta = lookbackDelta
    }

    /// Whether no query has a plan to read for.
    public var isEmpty: Bool { reads.isEmpty }

    private struct ReadKey: Hashable {
        var matchers: [SeriesMatcher]
        var offset: Int64
    }
}

/// The reads of a `PlanReadSet` at one evaluation time: per read, the series with their
/// accumulators per window.
public struct PlanReads: Sendable {
    let set: PlanReadSet
    let time: Int64
    let series: [[SeriesWindows]]

    /// The accumulators of the series read for leaf `leaf` of query `query`, in storage order;
    /// nil when the set holds no read for it.
    func accumulators(query: Int, leaf: Int) -> WindowAccumulators? {
        guard set.slots.indices.contains(query), let slots = set.slots[query], slots.indices.contains(leaf) else { return nil }
        let slot = slots[leaf]
        return WindowAccumulators(series: series[slot.read], window: slot.window)
    }
}

/// One window's accumulator of each series read, in storage order: a plain sequence over the
/// read (a lazy map would allocate its closure's context at every evaluation of every leaf).
struct WindowAccumulators: Sequence {
    let series: [SeriesWindows]
    let window: Int

    struct Iterator: IteratorProtocol {
        let series: [SeriesWindows]
        let window: Int
        var position = 0

        mutating func next() -> RangeAccumulator? {
            guard position < series.count else { return nil }
            defer { position += 1 }
            return series[position].windows[window]
        }
    }

    func makeIterator() -> Iterator { Iterator(series: series, window: window) }

    var underestimatedCount: Int { series.count }
}
