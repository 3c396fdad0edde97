internal import Storage

/// `rate`, `increase`, `delta`, `irate` and `idelta` exactly as Prometheus 2.42 computes them.
enum Rate {
    /// 2.42's `extrapolatedRate`: the change over the samples, corrected for counter resets,
    /// extrapolated to the window's edges when the first/last sample lies within 1.1 average
    /// intervals of them (else by half an interval), and for counters never back past the
    /// point where the counter would be zero (the clamp applied to the start duration before
    /// the threshold test, as 2.42 does; 2.52 changed that order).
    static func extrapolated(_ points: [Point], _ argument: RangeArgument, isCounter: Bool, isRate: Bool) -> Double? {
        guard points.count >= 2, let first = points.first, let last = points.last else { return nil }
        var result = last.v - first.v
        if isCounter {
            var previous = first.v
            for point in points.dropFirst() {
                if point.v < previous { result += previous }
                previous = point.v
            }
        }
        return extrapolated(first: first, last: last, count: points.count, change: result, argument, isCounter: isCounter, isRate: isRate)
    }

    /// The extrapolation of `extrapolated(_:_:isCounter:isRate:)` from what it needs of the
    /// samples: the first and last, their number, and the (reset-corrected) change between them;
    /// the summary path gives these from a `RangeAccumulator`.
    static func extrapolated(
        first: Point, last: Point, count: Int, change: Double, _ argument: RangeArgument, isCounter: Bool, isRate: Bool
    ) -> Double? {
        guard count >= 2 else { return nil }
        let result = change
        guard argument.extrapolates else { return isRate ? result / (Double(argument.range) / 1000) : result }
        var durationToStart = Double(first.t - argument.rangeStart) / 1000
        let durationToEnd = Double(argument.rangeEnd - last.t) / 1000
        let sampledInterval = Double(last.t - first.t) / 1000
        let averageInterval = sampledInterval / Double(count - 1)
        if isCounter && result > 0 && first.v >= 0 {
            let durationToZero = sampledInterval * (first.v / result)
            if durationToZero < durationToStart { durationToStart = durationToZero }
        }
        let threshold = averageInterval * 1.1
        var extrapolateTo = sampledInterval
        extrapolateTo += durationToStart < threshold ? durationToStart : averageInterval / 2
        extrapolateTo += durationToEnd < threshold ? durationToEnd : averageInterval / 2
        var factor = extrapolateTo / sampledInterval
        if isRate { factor /= Double(argument.range) / 1000 }
        return result * factor
    }

    /// 2.42's `instantValue`: the last two samples' difference (the last value after a counter
    /// reset, for `irate`), per second for `irate`.
    static func instant(_ points: [Point], isRate: Bool) -> Double? {
        guard points.count >= 2 else { return nil }
        let last = points[points.count - 1]
        let previous = points[points.count - 2]
        var result = isRate && last.v < previous.v ? last.v : last.v - previous.v
        let interval = last.t - previous.t
        if interval == 0 { return nil }
        if isRate { result /= Double(interval) / 1000 }
        return result
    }
}
