internal import Storage

/// A range vector with the window it covers, as range functions need it.
struct RangeArgument {
    /// The series with at least one point in the window.
    var series: [Series]
    /// The window's start (`rangeEnd - range`).
    var rangeStart: Int64
    /// The window's end: the evaluation time, moved by `@` and `offset`.
    var rangeEnd: Int64
    /// The range in milliseconds.
    var range: Int64
    /// Whether `rate`, `increase` and `delta` extrapolate to the window's edges (`Engine.observedChange` off).
    var extrapolates = true
}

extension Evaluator {
    /// The latest sample of each selected series at `t` within the lookback delta (stale series
    /// left out), made into a sample by `make` from the series' labels and the sample (with its own
    /// timestamp); one array, sized for the series read.
    @inline(__always)
    func instantSamples(_ selector: VectorSelector, at t: Int64, _ make: (Labels, ChunkSample) -> Sample) -> [Sample] {
        let reference = referenceTime(selector.at, selector.offset, t)
        if let latest = latest[selector] {
            var result: [Sample] = []
            result.reserveCapacity(latest.count)
            for entry in latest.entries
            where entry.sample.t <= reference && entry.sample.t >= reference - lookbackDelta && !entry.sample.isStaleMarker {
                result.append(make(entry.labels, entry.sample))
            }
            return result
        }
        guard let read = data[selector], !read.isEmpty else { return [] }
        var result: [Sample] = []
        result.reserveCapacity(read.count)
        for series in read {
            let samples = series.samples
            let after = Self.firstIndex(in: samples, after: reference)
            guard after > 0 else { continue }
            let sample = samples[after - 1]
            if sample.t < reference - lookbackDelta || sample.isStaleMarker { continue }
            result.append(make(series.labels, sample))
        }
        return result
    }

    /// Evaluates a range selector or a subquery (in parentheses or not) at `t`.
    func evalRange(_ expr: Expr, at t: Int64) throws(EvaluationError) -> RangeArgument {
        switch expr {
        case .paren(let inner):
            return try evalRange(inner, at: t)
        case .matrixSelector(let matrix):
            let selector = matrix.selector
            let end = referenceTime(selector.at, selector.offset, t)
            let start = end - matrix.range.milliseconds
            var series: [Series] = []
            for stored in data[selector] ?? [] {
                let samples = stored.samples
                let from = Self.firstIndex(in: samples, after: start - 1)
                let to = Self.firstIndex(in: samples, after: end)
                guard from < to else { continue }
                let points = samples[from..<to].filter { !$0.isStaleMarker }
                if !points.isEmpty { series.append(Series(labels: stored.labels, points: points)) }
            }
            return RangeArgument(series: series, rangeStart: start, rangeEnd: end, range: matrix.range.milliseconds)
        case .subquery(let subquery):
            let step = subquery.step?.milliseconds ?? subqueryStep
            let end = referenceTime(subquery.at, subquery.offset, t)
            let range = subquery.range.milliseconds
            var order: [Labels] = []
            var points: [Labels: [Point]] = [:]
            var time = Self.subqueryStart(end: end, range: range, step: step)
            while time <= end {
                for sample in try vector(subquery.expr, at: time) {
                    if points[sample.labels] == nil { order.append(sample.labels) }
                    points[sample.labels, default: []].append(Point(t: time, v: sample.v))
                }
                time += step
            }
            let series = order.sorted().map { Series(labels: $0, points: points[$0] ?? []) }
            return RangeArgument(series: series, rangeStart: end - range, rangeEnd: end, range: range)
        default:
            return RangeArgument(series: [], rangeStart: t, rangeEnd: t, range: 0)
        }
    }

    /// The index of the first sample later than `t` (binary search).
    static func firstIndex(in samples: [ChunkSample], after t: Int64) -> Int {
        var low = 0
        var high = samples.count
        while low < high {
            let middle = (low + high) / 2
            if samples[middle].t <= t { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
