internal import CPrefetch

/// The recent samples of one series that are not yet in a chunk: one contiguous array of
/// (timestamp, value) pairs, no per-sample objects, kept in time order.
///
/// One array rather than one per field: an append to a large head touches the array's header
/// and its tail, two cache lines instead of four, and appends to thousands of series per batch
/// are bound by those misses.
///
/// Every sample here is also in a row of the `sample_wal` table; `firstWALRow` is the row that
/// holds the oldest of them, so rows before the smallest `firstWALRow` of all heads hold no
/// sample that is not in a chunk.
///
/// The count and the first and last timestamps are kept beside the array: classifying a batch,
/// planning its cuts and maintenance read them for every series they visit, and reading them
/// from the array would touch its header and its tail, two cache misses per series in a batch of
/// thousands.
struct SeriesHead: Sendable {
    /// The samples, ascending by timestamp; values bit for bit as appended.
    private var samples: [ChunkSample] = []
    /// The WAL row holding the oldest sample (meaningless when empty).
    private(set) var firstWALRow: Int64 = 0
    /// The WAL row of the last append that gave the series samples (maintenance does not cut
    /// the head of a series appended to since it last ran: it is behind, not idle).
    private(set) var lastWALRow: Int64 = 0

    /// The number of samples (`samples.count`, kept here).
    private(set) var count = 0
    /// The timestamps of the first and last sample (meaningless when empty).
    private var firstT: Int64 = 0
    private var lastT: Int64 = 0

    /// Whether the head holds no sample.
    var isEmpty: Bool { count == 0 }
    /// The oldest timestamp.
    var minT: Int64? { count > 0 ? firstT : nil }
    /// The newest timestamp.
    var maxT: Int64? { count > 0 ? lastT : nil }

    /// The sample at `index`.
    @inline(__always)
    subscript(index: Int) -> ChunkSample { samples[index] }

    /// The index of the sample at `t`, found by binary search.
    func index(of t: Int64) -> Int? {
        var low = 0
        var high = samples.count
        while low < high {
            let mid = (low + high) / 2
            if samples[mid].t < t { low = mid + 1 } else { high = mid }
        }
        return low < samples.count && samples[low].t == t ? low : nil
    }

    /// Where the complete chunks the head keeps end (exclusive positions, ascending): a series
    /// given several samples per append keeps up to `SampleStoreConfiguration.chunksPerWrite`
    /// complete chunks here, cut and written together (see `SeriesWork.planCuts`). Empty
    /// otherwise.
    private(set) var completeRunEnds: [Int] = []

    /// Applies a committed append: `accepted` (ascending, after every head sample) is added, then
    /// the first `cutCount` samples of head-plus-accepted, which went into chunks, are dropped;
    /// `completeRunEnds` becomes `runEnds` (positions in the head after the append).
    ///
    /// `accepted` is a buffer, not an array slice: making a slice retains the array and dropping
    /// it releases it, and that atomic release, right after the store into this head's tail (a
    /// cache miss in a batch of many series), waited for the store to complete: 8% of a
    /// 500-series request. Without it, the misses of consecutive series overlap.
    mutating func apply(accepted: UnsafeBufferPointer<ChunkSample>, cutCount: Int, walRow: Int64, runEnds: [Int] = []) {
        let oldCount = samples.count
        if !runEnds.isEmpty || !completeRunEnds.isEmpty { completeRunEnds = runEnds }
        if cutCount > 0 && cutCount < oldCount {
            // Complete chunks kept in the head are cut inside it. The samples left came from
            // `firstWALRow` or later rows: keeping it keeps a row longer than needed, never less.
            samples.removeFirst(cutCount)
            samples.append(contentsOf: accepted)
            if !accepted.isEmpty { lastWALRow = walRow }
            count = samples.count
            firstT = samples[0].t
            lastT = samples[count - 1].t
            return
        }
        if cutCount > 0 { samples.removeAll(keepingCapacity: true) }
        let keep = accepted.dropFirst(Swift.max(0, cutCount - oldCount))
        if samples.isEmpty && !keep.isEmpty { firstWALRow = walRow }
        if !accepted.isEmpty { lastWALRow = walRow }
        if keep.count == 1 {
            samples.append(keep[keep.startIndex])
        } else {
            samples.append(contentsOf: keep)
        }
        if let first = keep.first, count == 0 || cutCount > 0 { firstT = first.t }
        if let last = keep.last { lastT = last.t }
        count = samples.count
    }

    /// Appends one sample, newer than every sample of the head, from WAL row `walRow`, without a
    /// cut and to a head that keeps no complete chunks: `apply` of that one sample with nothing
    /// cut, without a buffer to make (a slice's buffer retains its array).
    mutating func append(_ sample: ChunkSample, walRow: Int64) {
        if count == 0 {
            firstWALRow = walRow
            firstT = sample.t
        }
        lastWALRow = walRow
        samples.append(sample)
        lastT = sample.t
        count += 1
    }

    /// Asks the processor to start fetching what appending a sample writes: the array's header
    /// (reference count, count, capacity) and the place of the new sample. An append to
    /// thousands of series after a commit waited for each of those lines in turn (in a request
    /// of 500 series, 12% of its CPU in `apply`, most of it on the first read of the array);
    /// fetched beforehand, in one pass whose misses overlap, they are in the cache by then.
    /// Changes nothing.
    ///
    /// `mutating` though it changes nothing: called on a state in place, so that the array is
    /// not retained, which would itself wait for its header.
    mutating func prefetchForAppend() {
        samples.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            // Swift's array header lies just before the elements: the reference count (which
            // `append` checks first), then the count and capacity, which may start the next line.
            burnrate_prefetch_for_write(raw - MemoryLayout<Int>.stride * 4)
            burnrate_prefetch_for_write(raw - MemoryLayout<Int>.stride * 2)
            burnrate_prefetch_for_write(raw + count * MemoryLayout<ChunkSample>.stride)
        }
    }

    /// Empties the head after it was cut into a chunk or fell out of retention.
    mutating func removeAll() {
        samples.removeAll(keepingCapacity: false)
        completeRunEnds = []
        count = 0
    }

    /// The runs of samples the head's chunks would hold if it were cut now: its complete
    /// chunks, then the rest.
    var chunkRuns: [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = 0
        for end in completeRunEnds + [count] where end > start {
            runs.append(start..<end)
            start = end
        }
        return runs
    }

    /// The latest sample with `start <= t <= end`, if any.
    func last(from start: Int64, through end: Int64) -> ChunkSample? {
        guard let newest = samples.last else { return nil }
        if newest.t <= end { return newest.t >= start ? newest : nil }
        // Binary search for the last sample at or before `end`.
        var low = 0
        var high = samples.count
        while low < high {
            let middle = (low + high) / 2
            if samples[middle].t <= end { low = middle + 1 } else { high = middle }
        }
        return low > 0 && samples[low - 1].t >= start ? samples[low - 1] : nil
    }

    /// The samples with `start <= t <= end`, in time order.
    func samples(from start: Int64, through end: Int64) -> [ChunkSample] {
        guard let first = samples.first?.t, let last = samples.last?.t, first <= end, last >= start else { return [] }
        return Array(samples[samples.positions(from: start, through: end)])
    }
}
