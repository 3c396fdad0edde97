internal import Storage

extension Evaluator {
    /// One group of an aggregation while it is folded.
    private struct Group {
        var labels: Labels
        var value: Double
        var mean: Double
        var count: Int
        var heap: [Sample]
    }

    /// Evaluates `sum`, `avg`, `topk` and the other aggregations with 2.42's float semantics.
    func evalAggregation(_ aggregation: Aggregation, at t: Int64) throws(EvaluationError) -> Value {
        let samples = try vector(aggregation.expr, at: t)
        let op = aggregation.op
        var k = 0
        var q = 0.0
        var valueLabel = ""
        switch op {
        case .topk, .bottomk:
            let parameter = try aggregation.parameter.map { (expr) throws(EvaluationError) in try scalar(expr, at: t) } ?? .nan
            guard parameter >= -0x1p63, parameter < 0x1p63 else {
                throw .execution("Scalar value \(GoFormat.float(parameter)) overflows int64")
            }
            k = Int(parameter)
            if k < 1 { return .vector([]) }
        case .quantile:
            q = try aggregation.parameter.map { (expr) throws(EvaluationError) in try scalar(expr, at: t) } ?? .nan
        case .countValues:
            valueLabel = try aggregation.parameter.map { (expr) throws(EvaluationError) in try string(expr, at: t) } ?? ""
            guard Self.isValidLabelName(valueLabel) else {
                throw .execution("invalid label name \(GoFormat.quote(valueLabel))")
            }
        default:
            break
        }
        // A few names: looked through, not hashed (no set to make at each evaluation).
        var grouping = aggregation.grouping
        if op == .countValues && !aggregation.without && !grouping.contains(valueLabel) { grouping.append(valueLabel) }
        let without = aggregation.without

        // One sample (most rule expressions): its group's value is its own.
        if samples.count == 1, let value = Self.valueOfOne(op, samples[0].v) {
            let labels = samples[0].labels
            let key = without ? labels.dropping(grouping, name: true) : grouping.isEmpty ? Labels() : labels.keeping(grouping)
            return .vector([Sample(labels: key, t: t, v: value)])
        }
        // Without grouping labels every sample folds into one group: no dictionary.
        let single = !without && grouping.isEmpty
        var only: Group?
        var order: [Labels] = []
        var groups: [Labels: Group] = [:]
        for var sample in samples {
            if op == .countValues {
                sample.labels = sample.labels.setting(valueLabel, to: GoFormat.formatFloatF(sample.v))
            }
            let key: Labels
            if without {
                key = sample.labels.dropping(grouping, name: true)
            } else if grouping.isEmpty {
                key = Labels()
            } else {
                key = sample.labels.keeping(grouping)
            }
            guard var group = single ? only : groups[key] else {
                var group = Group(labels: key, value: sample.v, mean: sample.v, count: 1, heap: [])
                switch op {
                case .stddev, .stdvar: group.value = 0
                case .topk, .bottomk, .quantile: group.heap = [sample]
                case .group: group.value = 1
                default: break
                }
                if single { only = group } else { groups[key] = group }
                order.append(key)
                continue
            }
            if op == .topk || op == .bottomk || op == .quantile {
                // Take the group out while its heap grows, so appending does not copy the heap.
                if single { only = nil } else { groups[key] = nil }
            }
            let v = sample.v
            switch op {
            case .sum:
                group.value += v
            case .avg:
                group.count += 1
                if group.mean.isInfinite {
                    if v.isInfinite && (group.mean > 0) == (v > 0) { break }
                    if !v.isInfinite && !v.isNaN { break }
                }
                let n = Double(group.count)
                group.mean += v / n - group.mean / n
            case .group:
                break
            case .max:
                if group.value < v || group.value.isNaN { group.value = v }
            case .min:
                if group.value > v || group.value.isNaN { group.value = v }
            case .count, .countValues:
                group.count += 1
            case .stddev, .stdvar:
                group.count += 1
                let delta = v - group.mean
                group.mean += delta / Double(group.count)
                group.value += delta * (v - group.mean)
            case .topk:
                var heap = GoHeap(items: group.heap, less: Self.topkLess)
                if heap.items.count < k || heap.items[0].v < v || heap.items[0].v.isNaN {
                    if heap.items.count == k {
                        if k == 1 {
                            heap.items[0] = sample
                            group.heap = heap.items
                            break
                        }
                        heap.pop()
                    }
                    heap.push(sample)
                }
                group.heap = heap.items
            case .bottomk:
                var heap = GoHeap(items: group.heap, less: Self.bottomkLess)
                if heap.items.count < k || heap.items[0].v > v || heap.items[0].v.isNaN {
                    if heap.items.count == k {
                        if k == 1 {
                            heap.items[0] = sample
                            group.heap = heap.items
                            break
                        }
                        heap.pop()
                    }
                    heap.push(sample)
                }
                group.heap = heap.items
            case .quantile:
                group.heap.append(sample)
            }
            if single { only = group } else { groups[key] = group }
        }

        var result: [Sample] = []
        for key in order {
            guard let group = single ? only : groups[key] else { continue }
            let value: Double
            switch op {
            case .avg: value = group.mean
            case .count, .countValues: value = Double(group.count)
            case .stdvar: value = group.value / Double(group.count)
            case .stddev: value = (group.value / Double(group.count)).squareRoot()
            case .topk, .bottomk:
                let less = op == .topk ? Self.topkLess : Self.bottomkLess
                // Go sorts the heap in reverse; a stable sort gives its order for the small groups it sorts by insertion.
                let sorted = group.heap.enumerated().sorted { a, b in
                    if less(b.element, a.element) { return true }
                    if less(a.element, b.element) { return false }
                    return a.offset < b.offset
                }
                for item in sorted { result.append(Sample(labels: item.element.labels, t: t, v: item.element.v)) }
                continue
            case .quantile:
                value = Self.quantile(q, group.heap.map(\.v))
            default:
                value = group.value
            }
            result.append(Sample(labels: group.labels, t: t, v: value))
        }
        return .vector(result)
    }

    /// What `op` gives for a group of one sample of value `v`, for the operators whose fold starts
    /// from the first value (nil for the others, which go the general way).
    static func valueOfOne(_ op: AggregationOperator, _ v: Double) -> Double? {
        switch op {
        case .sum, .avg, .max, .min: v
        case .count, .group: 1
        default: nil
        }
    }

    /// Go's `vectorByValueHeap` order: NaN first, then ascending.
    static let topkLess: @Sendable (Sample, Sample) -> Bool = { a, b in
        (a.v.isNaN && !b.v.isNaN) || a.v < b.v
    }

    /// Go's `vectorByReverseValueHeap` order: NaN first, then descending.
    static let bottomkLess: @Sendable (Sample, Sample) -> Bool = { a, b in
        (a.v.isNaN && !b.v.isNaN) || a.v > b.v
    }

    /// Prometheus' `quantile`: NaN for no values, ±Inf outside [0, 1], else linear interpolation between ranks.
    static func quantile(_ q: Double, _ values: [Double]) -> Double {
        if values.isEmpty || q.isNaN { return .nan }
        if q < 0 { return -.infinity }
        if q > 1 { return .infinity }
        let sorted = values.sorted { ($0.isNaN && !$1.isNaN) || $0 < $1 }
        let n = Double(sorted.count)
        let rank = q * (n - 1)
        let lower = max(0, rank.rounded(.down))
        let upper = min(n - 1, lower + 1)
        let weight = rank - rank.rounded(.down)
        return sorted[Int(lower)] * (1 - weight) + sorted[Int(upper)] * weight
    }

    /// Whether `name` is a valid label name (`[a-zA-Z_][a-zA-Z0-9_]*`).
    static func isValidLabelName(_ name: String) -> Bool {
        guard let first = name.utf8.first else { return false }
        func isLetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 }
        return isLetter(first) && name.utf8.allSatisfy { isLetter($0) || ($0 >= 48 && $0 <= 57) }
    }
}
