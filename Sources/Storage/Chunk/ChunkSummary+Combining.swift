extension ChunkSummary {
    /// Extends the summary with the samples `next` summarises, which follow this summary's in
    /// time: the result is, field by field and bit for bit, `ChunkSummary(samples:)` of both runs
    /// of samples concatenated.
    ///
    /// Exact for every field because each one is a fold that a boundary fix-up joins without
    /// rounding: counts and changes add (plus a change where `next` starts); the reset corrections
    /// are kept as a list, in order, with the drop at the boundary between them, never pre-added
    /// (the additions `increase` does are not associative); `min`/`max` fold as Prometheus folds
    /// samples (NaN only when everything is NaN, the first of equal values kept), which is
    /// associative; the integer sum stays exact within 2^53 of magnitude, and becomes `nil`
    /// beyond, as the builder does; constancy needs the boundary values' bits equal.
    /// `SummaryRollup` builds its block summaries with this.
    public mutating func append(_ next: ChunkSummary) {
        sampleCount += next.sampleCount
        guard let nextFirst = next.first, let nextLast = next.last, let nextMin = next.min, let nextMax = next.max else {
            // `next` holds only stale markers: nothing else changes.
            return
        }
        integerSum = Self.combined(integerSum, next.integerSum)
        count += next.count
        if let previous = last, let runningMin = min, let runningMax = max {
            if nextFirst.v < previous.v { resetValues.append(previous.v) }
            if RangeAccumulator.changed(previous.v, nextFirst.v) { changes += 1 }
            isConstant = isConstant && next.isConstant && previous.v.bitPattern == nextFirst.v.bitPattern
            min = RangeAccumulator.foldMin(runningMin, nextMin)
            max = RangeAccumulator.foldMax(runningMax, nextMax)
        } else {
            first = nextFirst
            isConstant = isConstant && next.isConstant
            min = nextMin
            max = nextMax
        }
        if !next.resetValues.isEmpty { resetValues.append(contentsOf: next.resetValues) }
        changes += next.changes
        last = nextLast
    }

    /// The summary of this run of samples followed by `next`'s; see `append(_:)`.
    public func appending(_ next: ChunkSummary) -> ChunkSummary {
        var combined = self
        combined.append(next)
        return combined
    }

    /// The integer sum of two runs, or `nil` when either is not integral or the magnitudes add up
    /// to more than 2^53 (where `Builder` gives up too).
    private static func combined(_ lhs: IntegerSum?, _ rhs: IntegerSum?) -> IntegerSum? {
        guard let lhs, let rhs else { return nil }
        let magnitude = lhs.magnitude + rhs.magnitude
        guard magnitude <= 1 << 53 else { return nil }
        return IntegerSum(sum: lhs.sum + rhs.sum, magnitude: magnitude)
    }
}
