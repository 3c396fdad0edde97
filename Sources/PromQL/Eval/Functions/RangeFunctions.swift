internal import Storage

/// The functions of a range vector, one series at a time, as Prometheus 2.42 computes them.
enum RangeFunctions {
    /// The value of the function `name` over `points` (never empty, no stale markers), or nil when
    /// it gives no sample. `parameters` are the scalar arguments in order.
    static func value(
        _ name: String, _ points: [Point], _ argument: RangeArgument, _ parameters: [Double], t: Int64
    ) throws(EvaluationError) -> Double? {
        switch name {
        case "rate": return Rate.extrapolated(points, argument, isCounter: true, isRate: true)
        case "increase": return Rate.extrapolated(points, argument, isCounter: true, isRate: false)
        case "delta": return Rate.extrapolated(points, argument, isCounter: false, isRate: false)
        case "irate": return Rate.instant(points, isRate: true)
        case "idelta": return Rate.instant(points, isRate: false)
        case "count_over_time": return Double(points.count)
        case "present_over_time": return 1
        case "last_over_time": return points[points.count - 1].v
        case "sum_over_time":
            var sum = KahanSum()
            for point in points { sum.add(point.v) }
            return sum.sum.isInfinite ? sum.sum : sum.value
        case "avg_over_time":
            return averageOverTime(points)
        case "min_over_time":
            var result = points[0].v
            for point in points where point.v < result || result.isNaN { result = point.v }
            return result
        case "max_over_time":
            var result = points[0].v
            for point in points where point.v > result || result.isNaN { result = point.v }
            return result
        case "stddev_over_time":
            return variance(points).squareRoot()
        case "stdvar_over_time":
            return variance(points)
        case "quantile_over_time":
            return Evaluator.quantile(parameters.first ?? .nan, points.map(\.v))
        case "changes":
            var changes = 0
            var previous = points[0].v
            for point in points.dropFirst() {
                if point.v != previous && !(point.v.isNaN && previous.isNaN) { changes += 1 }
                previous = point.v
            }
            return Double(changes)
        case "resets":
            var resets = 0
            var previous = points[0].v
            for point in points.dropFirst() {
                if point.v < previous { resets += 1 }
                previous = point.v
            }
            return Double(resets)
        case "deriv":
            guard points.count >= 2 else { return nil }
            return Regression.linear(points, interceptTime: points[0].t).slope
        case "predict_linear":
            guard points.count >= 2 else { return nil }
            let (slope, intercept) = Regression.linear(points, interceptTime: t)
            return slope * (parameters.first ?? .nan) + intercept
        case "holt_winters":
            return try holtWinters(points, smoothing: parameters[0], trend: parameters[1])
        default:
            throw .execution("function \"\(name)\" is not supported")
        }
    }

    /// 2.42's `avg_over_time`: an incremental mean with Kahan compensation and its infinity rules.
    static func averageOverTime(_ points: [Point]) -> Double {
        var mean = KahanSum()
        var count = 0.0
        for point in points {
            count += 1
            let v = point.v
            if mean.sum.isInfinite {
                if v.isInfinite && (mean.sum > 0) == (v > 0) { continue }
                if !v.isInfinite && !v.isNaN { continue }
            }
            mean.add(v / count - mean.sum / count)
        }
        return mean.sum.isInfinite ? mean.sum : mean.value
    }

    /// 2.42's population variance over time (Welford with Kahan compensation).
    static func variance(_ points: [Point]) -> Double {
        var count = 0.0
        var mean = KahanSum()
        var aux = KahanSum()
        for point in points {
            count += 1
            let delta = point.v - mean.value
            mean.add(delta / count)
            aux.add(delta * (point.v - mean.value))
        }
        return aux.value / count
    }

    /// `holt_winters(v, sf, tf)`: double exponential smoothing.
    static func holtWinters(_ points: [Point], smoothing: Double, trend: Double) throws(EvaluationError) -> Double? {
        guard smoothing > 0, smoothing < 1 else {
            throw .execution("invalid smoothing factor. Expected: 0 < sf < 1, got: \(GoFormat.percentF(smoothing))")
        }
        guard trend > 0, trend < 1 else {
            throw .execution("invalid trend factor. Expected: 0 < tf < 1, got: \(GoFormat.percentF(trend))")
        }
        guard points.count >= 2 else { return nil }
        var s0 = 0.0
        var s1 = points[0].v
        var b = points[1].v - points[0].v
        for i in 1..<points.count {
            let x = smoothing * points[i].v
            if i > 1 { b = trend * (s1 - s0) + (1 - trend) * b }
            let y = (1 - smoothing) * (s1 + b)
            (s0, s1) = (s1, x + y)
        }
        return s1
    }
}

extension GoFormat {
    /// Go's `%f` (six decimals) for the parameters of error messages.
    static func percentF(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let scaled = (value.magnitude * 1_000_000).rounded()
        let integer = Int64(scaled / 1_000_000)
        let fraction = String(Int64(scaled) % 1_000_000)
        return (value < 0 ? "-" : "") + "\(integer)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}
