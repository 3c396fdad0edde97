/// Folds the samples of one series over a range, given as decoded samples and whole-chunk
/// summaries in time order, into the inputs of Prometheus 2.42's range functions, bit for bit.
///
/// Feed the decoded samples of the first edge chunk that fall in the range, then the summaries
/// of the chunks wholly inside it, then the decoded samples of the last edge chunk, all in time
/// order and without overlap. Stale markers are skipped, as Prometheus' range vectors skip them.
/// The boundary between consecutive inputs (a reset or a change from the last sample of one to
/// the first of the next) is handled here.
public struct RangeAccumulator: Sendable {
    /// The number of samples (stale markers excluded): `count_over_time`.
    public private(set) var count = 0
    /// The first sample, whose time and value `rate` extrapolation uses.
    public private(set) var first: ChunkSample?
    /// The last sample: `last_over_time`.
    public private(set) var last: ChunkSample?
    /// In order, the value before each drop: the corrections `increase` adds after `last - first`.
    public private(set) var resetValues: [Double] = []
    /// The number of value changes: `changes`.
    public private(set) var changes = 0
    /// `min_over_time`, folded as Prometheus folds it.
    public private(set) var min: Double?
    /// `max_over_time`, folded as Prometheus folds it.
    public private(set) var max: Double?

    /// Creates an empty accumulator.
    public init() {}

    /// An accumulator holding these figures (`DecodedChunk.tail(from:)`).
    init(count: Int, first: ChunkSample, last: ChunkSample, resetValues: [Double], changes: Int, min: Double, max: Double) {
        self.count = count
        self.first = first
        self.last = last
        self.resetValues = resetValues
        self.changes = changes
        self.min = min
        self.max = max
    }

    /// The number of counter resets: `resets`.
    public var resets: Int { resetValues.count }

    /// Adds one decoded sample; a stale marker is skipped.
    @inline(__always)
    public mutating func add(t: Int64, v: Double) {
        if v.bitPattern == ChunkSample.staleMarkerBits { return }
        count += 1
        guard let previous = last else {
            first = ChunkSample(t: t, v: v)
            last = first
            min = v
            max = v
            return
        }
        if v < previous.v { resetValues.append(previous.v) }
        if Self.changed(previous.v, v) { changes += 1 }
        max = Self.foldMax(max ?? v, v)
        min = Self.foldMin(min ?? v, v)
        last = ChunkSample(t: t, v: v)
    }

    /// Adds one decoded sample; see `add(t:v:)`.
    public mutating func add(_ sample: ChunkSample) {
        add(t: sample.t, v: sample.v)
    }

    /// Adds decoded samples in order, as `add(_:)` one by one does, with the running figures in
    /// locals rather than in the accumulator's optionals (a chunk's tail or a head, folded at every
    /// evaluation of every window over the series).
    public mutating func add(contentsOf samples: ArraySlice<ChunkSample>) {
        var position = samples.startIndex
        if last == nil {
            while position < samples.endIndex && samples[position].isStaleMarker { position += 1 }
            guard position < samples.endIndex else { return }
            add(samples[position])
            position += 1
        }
        guard position < samples.endIndex, var previous = last, var low = min, var high = max else { return }
        var (count, changes) = (self.count, self.changes)
        while position < samples.endIndex {
            let sample = samples[position]
            position += 1
            let v = sample.v
            if v.bitPattern == ChunkSample.staleMarkerBits { continue }
            count += 1
            if v < previous.v { resetValues.append(previous.v) }
            if Self.changed(previous.v, v) { changes += 1 }
            high = Self.foldMax(high, v)
            low = Self.foldMin(low, v)
            previous = sample
        }
        (self.count, self.changes, self.last, self.min, self.max) = (count, changes, previous, low, high)
    }

    /// Adds a whole chunk by its summary, as if each of its samples were added in order.
    public mutating func add(_ summary: ChunkSummary) {
        guard let chunkFirst = summary.first, let chunkLast = summary.last,
              let chunkMin = summary.min, let chunkMax = summary.max
        else { return }
        join(
            first: chunkFirst, last: chunkLast, min: chunkMin, max: chunkMax,
            count: summary.count, changes: summary.changes, resetValues: summary.resetValues)
    }

    /// Appends what `later` folded, the samples right after this accumulator's, as if each of
    /// them were added in order: the same bits as adding them one by one (every field is a
    /// count, a sample, a list in order or a fold that joins exactly), so a window can be folded
    /// in parts and the parts joined.
    public mutating func append(_ later: RangeAccumulator) {
        guard let laterFirst = later.first, let laterLast = later.last, let laterMin = later.min, let laterMax = later.max
        else { return }
        join(
            first: laterFirst, last: laterLast, min: laterMin, max: laterMax,
            count: later.count, changes: later.changes, resetValues: later.resetValues)
    }

    /// Joins a folded run of samples that follows this accumulator's: the boundary between the
    /// two (a reset, a change) and then the run's own figures.
    @inline(__always)
    private mutating func join(
        first runFirst: ChunkSample, last runLast: ChunkSample, min runMin: Double, max runMax: Double,
        count runCount: Int, changes runChanges: Int, resetValues runResets: [Double]
    ) {
        if let previous = last {
            if runFirst.v < previous.v { resetValues.append(previous.v) }
            if Self.changed(previous.v, runFirst.v) { changes += 1 }
            max = Self.foldMax(max ?? runMax, runMax)
            min = Self.foldMin(min ?? runMin, runMin)
        } else {
            first = runFirst
            min = runMin
            max = runMax
        }
        if !runResets.isEmpty { resetValues.append(contentsOf: runResets) }
        changes += runChanges
        count += runCount
        last = runLast
    }

    /// `last - first` plus each reset correction in order: Prometheus' counter increase before
    /// extrapolation (`resultValue` of `extrapolatedRate` for `rate`/`increase`); `nil` below
    /// two samples, where Prometheus returns nothing.
    public var counterIncrease: Double? {
        guard count >= 2, let first, let last else { return nil }
        var result = last.v - first.v
        for value in resetValues { result += value }
        return result
    }

    /// `last - first`: Prometheus' `delta` before extrapolation; `nil` below two samples.
    public var delta: Double? {
        guard count >= 2, let first, let last else { return nil }
        return last.v - first.v
    }

    @inline(__always)
    static func changed(_ previous: Double, _ current: Double) -> Bool {
        current != previous && !(current.isNaN && previous.isNaN)
    }

    @inline(__always)
    static func foldMax(_ running: Double, _ v: Double) -> Double {
        v > running || running.isNaN ? v : running
    }

    @inline(__always)
    static func foldMin(_ running: Double, _ v: Double) -> Double {
        v < running || running.isNaN ? v : running
    }
}
