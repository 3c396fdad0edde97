internal import Storage

extension Evaluator {
    /// `histogram_quantile(φ, v)` over classic buckets (series with an `le` label), as 2.42 does:
    /// buckets grouped by their labels without `le`, the result without `__name__` and `le`.
    static func histogramQuantile(_ q: Double, _ samples: [Sample], t: Int64) -> [Sample] {
        var order: [Labels] = []
        var groups: [Labels: (labels: Labels, buckets: [(upperBound: Double, count: Double)])] = [:]
        for sample in samples {
            guard let text = sample.labels["le"], let upperBound = Double(text) else { continue }
            let key = sample.labels.removing("le")
            if groups[key] == nil {
                order.append(key)
                groups[key] = (key.droppingMetricName, [])
            }
            groups[key]?.buckets.append((upperBound, sample.v))
        }
        return order.compactMap { key in
            guard let group = groups[key], !group.buckets.isEmpty else { return nil }
            return Sample(labels: group.labels, t: t, v: bucketQuantile(q, group.buckets))
        }
    }

    /// 2.42's `bucketQuantile`: sort, coalesce equal bounds, force monotonic counts, interpolate linearly.
    static func bucketQuantile(_ q: Double, _ unsorted: [(upperBound: Double, count: Double)]) -> Double {
        if q.isNaN { return .nan }
        if q < 0 { return -.infinity }
        if q > 1 { return .infinity }
        let sorted = unsorted.enumerated().sorted {
            $0.element.upperBound != $1.element.upperBound ? $0.element.upperBound < $1.element.upperBound : $0.offset < $1.offset
        }.map(\.element)
        guard let last = sorted.last, last.upperBound == .infinity else { return .nan }
        var buckets: [(upperBound: Double, count: Double)] = []
        for bucket in sorted {
            if let previous = buckets.last, previous.upperBound == bucket.upperBound {
                buckets[buckets.count - 1].count += bucket.count
            } else {
                buckets.append(bucket)
            }
        }
        var maximum = -Double.infinity
        for index in buckets.indices {
            if buckets[index].count > maximum {
                maximum = buckets[index].count
            } else if buckets[index].count < maximum {
                buckets[index].count = maximum
            }
        }
        guard buckets.count >= 2 else { return .nan }
        let observations = buckets[buckets.count - 1].count
        if observations == 0 { return .nan }
        var rank = q * observations
        // sort.Search over all buckets but the last.
        var b = buckets.count - 1
        for index in 0..<(buckets.count - 1) where buckets[index].count >= rank {
            b = index
            break
        }
        if b == buckets.count - 1 { return buckets[buckets.count - 2].upperBound }
        if b == 0 && buckets[0].upperBound <= 0 { return buckets[0].upperBound }
        var bucketStart = 0.0
        let bucketEnd = buckets[b].upperBound
        var count = buckets[b].count
        if b > 0 {
            bucketStart = buckets[b - 1].upperBound
            count -= buckets[b - 1].count
            rank -= buckets[b - 1].count
        }
        return bucketStart + (bucketEnd - bucketStart) * (rank / count)
    }
}
