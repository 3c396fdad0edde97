internal import Storage

extension Evaluator {
    /// Evaluates a binary operation between scalars and instant vectors, as 2.42 does.
    func evalBinary(_ binary: BinaryExpr, at t: Int64) throws(EvaluationError) -> Value {
        let lhs = try eval(binary.lhs, at: t)
        let rhs = try eval(binary.rhs, at: t)
        let op = binary.op
        let result: [Sample]
        switch (lhs, rhs) {
        case (.scalar(_, let l), .scalar(_, let r)):
            let (value, keep) = Self.elementBinop(op, l, r)
            return .scalar(t: t, v: op.isComparison ? (keep ? 1 : 0) : value)
        case (.vector(let l), .scalar(_, let r)):
            result = Self.vectorScalar(op, l, r, swapped: false, returnBool: binary.returnBool, t: t)
        case (.scalar(_, let l), .vector(let r)):
            result = Self.vectorScalar(op, r, l, swapped: true, returnBool: binary.returnBool, t: t)
        case (.vector(let l), .vector(let r)):
            let matching = binary.matching ?? VectorMatching(on: false, labels: [])
            switch op {
            case .and, .or, .unless:
                result = Self.setOperation(op, l, r, matching)
            default:
                result = try Self.vectorVector(op, l, r, matching, binary.cardinality, returnBool: binary.returnBool, t: t)
            }
        default:
            return .vector([])
        }
        try Self.checkUnique(result)
        return .vector(result)
    }

    /// The result of `lhs op rhs` for one pair of values, and whether a comparison keeps it.
    static func elementBinop(_ op: BinaryOperator, _ lhs: Double, _ rhs: Double) -> (Double, Bool) {
        switch op {
        case .add: (lhs + rhs, true)
        case .sub: (lhs - rhs, true)
        case .mul: (lhs * rhs, true)
        case .div: (lhs / rhs, true)
        case .pow: (GoMath.pow(lhs, rhs), true)
        case .mod: (GoMath.mod(lhs, rhs), true)
        case .atan2: (GoMath.atan2(lhs, rhs), true)
        case .equal: (lhs, lhs == rhs)
        case .notEqual: (lhs, lhs != rhs)
        case .greater: (lhs, lhs > rhs)
        case .less: (lhs, lhs < rhs)
        case .greaterOrEqual: (lhs, lhs >= rhs)
        case .lessOrEqual: (lhs, lhs <= rhs)
        case .and, .or, .unless: (lhs, true)
        }
    }

    /// Whether the operator drops `__name__` from its result (arithmetic except `atan2`, as in 2.42).
    static func dropsMetricName(_ op: BinaryOperator) -> Bool {
        switch op {
        case .add, .sub, .mul, .div, .pow, .mod: true
        default: false
        }
    }

    /// A vector and a scalar; `swapped` when the scalar was on the left.
    static func vectorScalar(
        _ op: BinaryOperator, _ vector: [Sample], _ scalar: Double, swapped: Bool, returnBool: Bool, t: Int64
    ) -> [Sample] {
        var result: [Sample] = []
        // A comparison without `bool` is a filter, mostly of rules' thresholds that nothing
        // crosses: its room is made when the first sample passes, not before.
        let filters = op.isComparison && !returnBool
        if !filters { result.reserveCapacity(vector.count) }
        for sample in vector {
            var (l, r) = (sample.v, scalar)
            if swapped { swap(&l, &r) }
            var (value, keep) = elementBinop(op, l, r)
            // A comparison keeps the vector's value even when the vector is on the right.
            if op.isComparison && swapped { value = r }
            if returnBool {
                value = keep ? 1 : 0
                keep = true
            }
            guard keep else { continue }
            if filters && result.isEmpty { result.reserveCapacity(vector.count) }
            let labels = dropsMetricName(op) || returnBool ? sample.labels.droppingMetricName : sample.labels
            result.append(Sample(labels: labels, t: t, v: value))
        }
        return result
    }

    /// The label names two samples are matched on (`on`) or not matched on, worked out once per
    /// operation.
    struct SignatureNames {
        var on: Bool
        /// A few names: looked through, not hashed (no set to make at each evaluation). Without
        /// `on`, `__name__` is ignored too (`ignores(_:)`), with no array made to say so.
        var names: [String]

        init(_ matching: VectorMatching) {
            on = matching.on
            names = matching.labels
        }

        /// Whether the label named `name` is left out of the signature.
        @inline(__always)
        func ignores(_ name: String) -> Bool {
            on ? !names.contains(name) : name == Label.metricName || names.contains(name)
        }
    }

    /// The labels two samples are matched on.
    static func signature(_ labels: Labels, _ names: SignatureNames) -> Labels {
        names.on ? labels.keeping(names.names) : labels.dropping(names.names, name: true)
    }

    /// Whether two label sets have the same signature (`signature(a) == signature(b)`), without
    /// making either.
    static func sameSignature(_ a: Labels, _ b: Labels, _ names: SignatureNames) -> Bool {
        var i = a.startIndex
        var j = b.startIndex
        while true {
            // A label is in the signature when `on` names it, or when it is not ignored.
            while i < a.endIndex && names.ignores(a[i].name) { i += 1 }
            while j < b.endIndex && names.ignores(b[j].name) { j += 1 }
            guard i < a.endIndex && j < b.endIndex else { return i == a.endIndex && j == b.endIndex }
            guard a[i] == b[j] else { return false }
            i += 1
            j += 1
        }
    }

    /// Up to this many samples on the side a set operation looks things up in are compared one by
    /// one (`sameSignature`) rather than hashed: rule expressions mostly have one.
    static let linearMatchLimit = 4

    /// `and`, `or` and `unless`.
    static func setOperation(_ op: BinaryOperator, _ lhs: [Sample], _ rhs: [Sample], _ vectorMatching: VectorMatching) -> [Sample] {
        let matching = SignatureNames(vectorMatching)
        switch op {
        case .and where rhs.count <= linearMatchLimit:
            return lhs.filter { sample in rhs.contains { sameSignature(sample.labels, $0.labels, matching) } }
        case .unless where rhs.count <= linearMatchLimit:
            return lhs.filter { sample in !rhs.contains { sameSignature(sample.labels, $0.labels, matching) } }
        case .or where lhs.count <= linearMatchLimit:
            return lhs + rhs.filter { sample in !lhs.contains { sameSignature(sample.labels, $0.labels, matching) } }
        case .and:
            let right = Set(rhs.map { signature($0.labels, matching) })
            return lhs.filter { right.contains(signature($0.labels, matching)) }
        case .unless:
            let right = Set(rhs.map { signature($0.labels, matching) })
            return lhs.filter { !right.contains(signature($0.labels, matching)) }
        default:
            let left = Set(lhs.map { signature($0.labels, matching) })
            return lhs + rhs.filter { !left.contains(signature($0.labels, matching)) }
        }
    }

    /// Arithmetic and comparison between two vectors, one-to-one or with `group_left`/`group_right`.
    static func vectorVector(
        _ op: BinaryOperator, _ left: [Sample], _ right: [Sample], _ matching: VectorMatching,
        _ cardinality: VectorMatching.Cardinality, returnBool: Bool, t: Int64
    ) throws(EvaluationError) -> [Sample] {
        // The right side is the "one" side; for one-to-many, swap and swap the values back below.
        let (lhs, rhs) = cardinality == .oneToMany ? (right, left) : (left, right)
        let names = SignatureNames(matching)
        let matchingNames = matching.labels
        // One sample on each side (most rule expressions): no duplicates or repeated matches to
        // look for, so no tables.
        if lhs.count == 1 && rhs.count == 1 {
            guard sameSignature(lhs[0].labels, rhs[0].labels, names),
                  let joined = joinedSample(lhs[0], rhs[0], op, matching, matchingNames, cardinality, returnBool: returnBool, t: t)
            else { return [] }
            return [joined]
        }
        var rightBySignature: [Labels: Sample] = [:]
        for sample in rhs {
            let signature = signature(sample.labels, names)
            if let duplicate = rightBySignature[signature] {
                let side = cardinality == .oneToMany ? "left" : "right"
                throw .execution(
                    "found duplicate series for the match group \(signature) on the \(side) hand-side of the operation: "
                        + "[\(sample.labels), \(duplicate.labels)];many-to-many matching not allowed: matching labels must be unique on one side"
                )
            }
            rightBySignature[signature] = sample
        }
        var matched: [Labels: Set<Labels>] = [:]
        var result: [Sample] = []
        for sample in lhs {
            let signature = signature(sample.labels, names)
            guard let other = rightBySignature[signature],
                  let joined = joinedSample(sample, other, op, matching, matchingNames, cardinality, returnBool: returnBool, t: t)
            else { continue }
            if cardinality == .oneToOne {
                if matched[signature] != nil {
                    throw .execution("multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)")
                }
                matched[signature] = []
            } else if matched[signature, default: []].insert(joined.labels).inserted == false {
                throw .execution("multiple matches for labels: grouping labels must ensure unique matches")
            }
            result.append(joined)
        }
        return result
    }

    /// The result of `op` between a matched pair (`sample` from the "many" side), or `nil` where
    /// a comparison without `bool` filters it out.
    @inline(__always)
    static func joinedSample(
        _ sample: Sample, _ other: Sample, _ op: BinaryOperator, _ matching: VectorMatching, _ matchingNames: [String],
        _ cardinality: VectorMatching.Cardinality, returnBool: Bool, t: Int64
    ) -> Sample? {
        var (l, r) = (sample.v, other.v)
        if cardinality == .oneToMany { swap(&l, &r) }
        var (value, keep) = elementBinop(op, l, r)
        if returnBool {
            value = keep ? 1 : 0
        } else if !keep {
            return nil
        }
        var labels = resultLabels(sample.labels, other.labels, op, matching, matchingNames, cardinality)
        if returnBool { labels = labels.droppingMetricName }
        return Sample(labels: labels, t: t, v: value)
    }

    /// The labels of a vector-vector result, from the "many" side's labels and the "one" side's included ones.
    static func resultLabels(
        _ many: Labels, _ one: Labels, _ op: BinaryOperator, _ matching: VectorMatching, _ matchingNames: [String],
        _ cardinality: VectorMatching.Cardinality
    ) -> Labels {
        var labels = dropsMetricName(op) ? many.droppingMetricName : many
        if cardinality == .oneToOne {
            labels = matching.on ? labels.keeping(matchingNames) : labels.dropping(matchingNames)
        }
        if let include = matching.group?.labels, !include.isEmpty {
            let copied = include.map { Label(name: $0, value: one[$0] ?? "") }
            labels = Labels(labels.filter { !include.contains($0.name) } + copied)
        }
        return labels
    }
}
