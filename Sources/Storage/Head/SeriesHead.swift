/// The recent samples of one series that are not yet in a chunk: two contiguous arrays, no
/// per-sample objects, kept in time order.
///
/// Every sample here is also in a row of the `sample_wal` table; `firstWALRow` is the row that
/// holds the oldest of them, so rows before the smallest `firstWALRow` of all heads hold no
/// sample that is not in a chunk.
struct SeriesHead: Sendable {
    /// Timestamps, ascending.
    private(set) var timestamps: [Int64] = []
    /// Values, bit for bit as appended.
    private(set) var values: [Double] = []
    /// The WAL row holding the oldest sample (meaningless when empty).
    private(set) var firstWALRow: Int64 = 0

    /// The number of samples.
    var count: Int { timestamps.count }
    /// Whether the head holds no sample.
    var isEmpty: Bool { timestamps.isEmpty }
    /// The oldest timestamp.
    var minT: Int64? { timestamps.first }
    /// The newest timestamp.
    var maxT: Int64? { timestamps.last }

    /// The sample at `index`.
    @inline(__always)
    subscript(index: Int) -> ChunkSample { ChunkSample(t: timestamps[index], v: values[index]) }

    /// The index of the sample at `t`, found by binary search.
    func index(of t: Int64) -> Int? {
        var low = 0
        var high = timestamps.count
        while low < high {
            let mid = (low + high) / 2
            if timestamps[mid] < t { low = mid + 1 } else { high = mid }
        }
        return low < timestamps.count && timestamps[low] == t ? low : nil
    }

    /// Applies a committed append: `accepted` (ascending, after every head sample) is added, then
    /// the first `cutCount` samples of head-plus-accepted, which went into chunks, are dropped.
    /// Cuts only happen at accepted samples, so `cutCount` is 0 or at least the old count.
    mutating func apply(accepted: ArraySlice<ChunkSample>, cutCount: Int, walRow: Int64) {
        let oldCount = timestamps.count
        precondition(cutCount == 0 || cutCount >= oldCount, "a cut inside the old head")
        if cutCount > 0 {
            timestamps.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
        }
        let keep = accepted.dropFirst(Swift.max(0, cutCount - oldCount))
        if timestamps.isEmpty && !keep.isEmpty { firstWALRow = walRow }
        for sample in keep {
            timestamps.append(sample.t)
            values.append(sample.v)
        }
    }

    /// Empties the head after it was cut into a chunk or fell out of retention.
    mutating func removeAll() {
        timestamps.removeAll(keepingCapacity: false)
        values.removeAll(keepingCapacity: false)
    }

    /// The samples with `start <= t <= end`, in time order.
    func samples(from start: Int64, through end: Int64) -> [ChunkSample] {
        guard let first = timestamps.first, let last = timestamps.last, first <= end, last >= start else { return [] }
        var low = 0
        var high = timestamps.count
        while low < high {
            let mid = (low + high) / 2
            if timestamps[mid] < start { low = mid + 1 } else { high = mid }
        }
        var result: [ChunkSample] = []
        var index = low
        while index < timestamps.count && timestamps[index] <= end {
            result.append(ChunkSample(t: timestamps[index], v: values[index]))
            index += 1
        }
        return result
    }
}
