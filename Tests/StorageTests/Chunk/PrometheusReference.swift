import Storage

/// Prometheus 2.42's range functions over every sample of a range (stale markers already
/// removed), transcribed from promql/functions.go, as the brute-force oracle of the tests.
enum PrometheusReference {
    /// `extrapolatedRate`'s `resultValue` before extrapolation, for `isCounter`.
    static func counterIncrease(_ values: [Double]) -> Double? {
        guard values.count >= 2 else { return nil }
        var result = values[values.count - 1] - values[0]
        var previous = values[0]
        for current in values.dropFirst() {
            if current < previous { result += previous }
            previous = current
        }
        return result
    }

    static func resets(_ values: [Double]) -> Int {
        var count = 0
        for (previous, current) in zip(values, values.dropFirst()) where current < previous { count += 1 }
        return count
    }

    static func changes(_ values: [Double]) -> Int {
        var count = 0
        for (previous, current) in zip(values, values.dropFirst())
        where current != previous && !(current.isNaN && previous.isNaN) { count += 1 }
        return count
    }

    static func maxOverTime(_ values: [Double]) -> Double {
        var max = values[0]
        for v in values where v > max || max.isNaN { max = v }
        return max
    }

    static func minOverTime(_ values: [Double]) -> Double {
        var min = values[0]
        for v in values where v < min || min.isNaN { min = v }
        return min
    }

    private static func kahanSumInc(_ inc: Double, _ sum: Double, _ c: Double) -> (Double, Double) {
        let t = sum + inc
        var c = c
        if sum.magnitude >= inc.magnitude { c += (sum - t) + inc } else { c += (inc - t) + sum }
        return (t, c)
    }

    static func sumOverTime(_ values: [Double]) -> Double {
        var sum = 0.0
        var c = 0.0
        for v in values { (sum, c) = kahanSumInc(v, sum, c) }
        return sum.isInfinite ? sum : sum + c
    }

    static func avgOverTime(_ values: [Double]) -> Double {
        var mean = 0.0
        var count = 0.0
        var c = 0.0
        for v in values {
            count += 1
            if mean.isInfinite {
                if v.isInfinite && (mean > 0) == (v > 0) { continue }
                if !v.isInfinite && !v.isNaN { continue }
            }
            (mean, c) = kahanSumInc(v / count - mean / count, mean, c)
        }
        return mean.isInfinite ? mean : mean + c
    }
}
