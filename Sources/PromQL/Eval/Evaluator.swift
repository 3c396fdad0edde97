internal import Storage

/// The synchronous core of `Engine`: evaluates an expression at one time over samples read beforehand.
struct Evaluator: Sendable {
    /// Each selector's series, read for the whole window the query needs.
    var data: SelectorTable<VectorSelector, [SeriesSamples]>
    /// The instant selectors read as each series' latest sample (`SampleReader.selectLatest`)
    /// rather than as samples in `data`.
    var latest: SelectorTable<VectorSelector, LatestSamples> = [:]
    /// The matrix selectors read as chunk summaries: for each evaluation time, the series of
    /// that step's window, folded (see `Evaluator+Summaries.swift`).
    var summarised: SelectorTable<MatrixSelector, [Int64: [AccumulatedSeries]]> = [:]
    /// The lookback delta in milliseconds.
    var lookbackDelta: Int64
    /// The default subquery step in milliseconds.
    var subqueryStep: Int64
    /// The query's start, for `@ start()`.
    var queryStart: Int64
    /// The query's end, for `@ end()`.
    var queryEnd: Int64
    /// `Engine.observedChange`.
    var observedChange = false

    /// Evaluates `expr` at `t` (milliseconds).
    func eval(_ expr: Expr, at t: Int64) throws(EvaluationError) -> Value {
        switch expr {
        case .number(let number):
            return .scalar(t: t, v: number.value)
        case .string(let text):
            return .string(t: t, text)
        case .paren(let inner):
            return try eval(inner, at: t)
        case .vectorSelector(let selector):
            return .vector(instantSamples(selector, at: t) { Sample(labels: $0, t: t, v: $1.v) })
        case .matrixSelector, .subquery:
            return .matrix(try evalRange(expr, at: t).series)
        case .unary(let unary):
            let value = try eval(unary.expr, at: t)
            guard unary.op == .minus else { return value }
            switch value {
            case .scalar(let time, let v):
                return .scalar(t: time, v: -v)
            case .vector(let samples):
                let negated = samples.map { Sample(labels: $0.labels.droppingMetricName, t: $0.t, v: -$0.v) }
                try Self.checkUnique(negated)
                return .vector(negated)
            default:
                return value
            }
        case .call(let call):
            return try evalCall(call, at: t)
        case .aggregation(let aggregation):
            return try evalAggregation(aggregation, at: t)
        case .binary(let binary):
            return try evalBinary(binary, at: t)
        }
    }

    /// Evaluates an expression of scalar type to its number.
    func scalar(_ expr: Expr, at t: Int64) throws(EvaluationError) -> Double {
        switch try eval(expr, at: t) {
        case .scalar(_, let v): return v
        case .vector(let samples): return samples.count == 1 ? samples[0].v : .nan
        default: return .nan
        }
    }

    /// Evaluates an expression of instant-vector type to its samples.
    func vector(_ expr: Expr, at t: Int64) throws(EvaluationError) -> [Sample] {
        switch try eval(expr, at: t) {
        case .vector(let samples): return samples
        case .scalar(_, let v): return [Sample(labels: Labels(), t: t, v: v)]
        default: return []
        }
    }

    /// Evaluates a string literal argument.
    func string(_ expr: Expr, at t: Int64) throws(EvaluationError) -> String {
        if case .string(_, let text) = try eval(expr, at: t) { return text }
        return ""
    }

    /// Throws Prometheus' error when two samples of a vector have the same labels.
    static func checkUnique(_ samples: [Sample]) throws(EvaluationError) {
        guard samples.count > 1 else { return }
        var seen = Set<Labels>()
        for sample in samples where !seen.insert(sample.labels).inserted {
            throw .execution("vector cannot contain metrics with the same labelset")
        }
    }

    /// The time a selector or subquery reads at when evaluated at `t`: its `@` time (or `t`) minus its offset.
    func referenceTime(_ at: AtModifier?, _ offset: PromDuration?, _ t: Int64) -> Int64 {
        let base: Int64
        switch at {
        case nil: base = t
        case .timestamp(let milliseconds)?: base = milliseconds
        case .start?: base = queryStart
        case .end?: base = queryEnd
        }
        return base - (offset?.milliseconds ?? 0)
    }

    /// The first step of a subquery ending at `end`: the first multiple of `step` at or after `end - range`.
    static func subqueryStart(end: Int64, range: Int64, step: Int64) -> Int64 {
        let earliest = end - range
        var start = step * (earliest / step)
        if start < earliest { start += step }
        return start
    }

    /// Collects, for every selector, the time window evaluation over `[start, end]` reads.
    /// The matrix selectors in `summarised` are skipped where they are the argument of a
    /// summarisable range function outside a subquery: they are read as summaries instead.
    func plan(
        _ expr: Expr, start: Int64, end: Int64, summarised: Set<MatrixSelector> = [],
        into windows: inout [VectorSelector: (start: Int64, end: Int64)]
    ) {
        func add(_ selector: VectorSelector, _ from: Int64, _ to: Int64) {
            if let known = windows[selector] {
                windows[selector] = (min(known.start, from), max(known.end, to))
            } else {
                windows[selector] = (from, to)
            }
        }
        switch expr {
        case .number, .string:
            break
        case .vectorSelector(let selector):
            let from = referenceTime(selector.at, selector.offset, start)
            let to = referenceTime(selector.at, selector.offset, end)
            add(selector, from - lookbackDelta, to)
        case .matrixSelector(let matrix):
            let selector = matrix.selector
            let from = referenceTime(selector.at, selector.offset, start)
            let to = referenceTime(selector.at, selector.offset, end)
            add(selector, from - matrix.range.milliseconds, to)
        case .subquery(let subquery):
            let step = subquery.step?.milliseconds ?? subqueryStep
            let from = referenceTime(subquery.at, subquery.offset, start)
            let to = referenceTime(subquery.at, subquery.offset, end)
            let innerStart = Self.subqueryStart(end: from, range: subquery.range.milliseconds, step: step)
            plan(subquery.expr, start: innerStart, end: to, summarised: [], into: &windows)
        case .call(let call):
            for argument in call.arguments {
                if Self.summarisableFunctions.contains(call.function.name),
                   let matrix = Self.matrixArgument(argument), summarised.contains(matrix) { continue }
                plan(argument, start: start, end: end, summarised: summarised, into: &windows)
            }
        case .aggregation(let aggregation):
            plan(aggregation.expr, start: start, end: end, summarised: summarised, into: &windows)
            if let parameter = aggregation.parameter { plan(parameter, start: start, end: end, summarised: summarised, into: &windows) }
        case .binary(let binary):
            plan(binary.lhs, start: start, end: end, summarised: summarised, into: &windows)
            plan(binary.rhs, start: start, end: end, summarised: summarised, into: &windows)
        case .unary(let unary):
            plan(unary.expr, start: start, end: end, summarised: summarised, into: &windows)
        case .paren(let inner):
            plan(inner, start: start, end: end, summarised: summarised, into: &windows)
        }
    }
}

extension Evaluator {
    /// The selectors `plan(_:start:end:summarised:into:)` gives a window read as samples for
    /// more than an instant vector selector takes of it: those of matrix selectors not read as
    /// summaries, and every selector inside a subquery. The others need, at each step, only their
    /// latest sample in the lookback window.
    static func rangeReadSelectors(_ expr: Expr, summarised: Set<MatrixSelector>, into selectors: inout Set<VectorSelector>) {
        switch expr {
        case .number, .string, .vectorSelector:
            break
        case .matrixSelector(let matrix):
            selectors.insert(matrix.selector)
        case .subquery(let subquery):
            var inner: [VectorSelector: (start: Int64, end: Int64)] = [:]
            Evaluator(data: [:], lookbackDelta: 0, subqueryStep: 1, queryStart: 0, queryEnd: 0)
                .plan(subquery.expr, start: 0, end: 0, into: &inner)
            selectors.formUnion(inner.keys)
        case .call(let call):
            for argument in call.arguments {
                if summarisableFunctions.contains(call.function.name),
                   let matrix = matrixArgument(argument), summarised.contains(matrix) { continue }
                rangeReadSelectors(argument, summarised: summarised, into: &selectors)
            }
        case .aggregation(let aggregation):
            rangeReadSelectors(aggregation.expr, summarised: summarised, into: &selectors)
            if let parameter = aggregation.parameter { rangeReadSelectors(parameter, summarised: summarised, into: &selectors) }
        case .binary(let binary):
            rangeReadSelectors(binary.lhs, summarised: summarised, into: &selectors)
            rangeReadSelectors(binary.rhs, summarised: summarised, into: &selectors)
        case .unary(let unary):
            rangeReadSelectors(unary.expr, summarised: summarised, into: &selectors)
        case .paren(let inner):
            rangeReadSelectors(inner, summarised: summarised, into: &selectors)
        }
    }
}

extension Labels {
    /// The labels without `__name__`.
    var droppingMetricName: Labels {
        self[Label.metricName] == nil ? self : removing(Label.metricName)
    }

    /// Only the labels named in `names` (the set itself when it keeps them all). `names` is a
    /// `by`, `on` or `ignoring` list: a few names, looked through rather than hashed.
    func keeping(_ names: [String]) -> Labels {
        guard contains(where: { !names.contains($0.name) }) else { return self }
        return Labels(canonical: filter { names.contains($0.name) })
    }

    /// The labels not named in `names`, nor `__name__` when `name` is true (the set itself when
    /// it has none of them). The flag spares callers an array of `names` plus `__name__`.
    func dropping(_ names: [String], name: Bool = false) -> Labels {
        func dropped(_ label: Label) -> Bool { (name && label.name == Label.metricName) || names.contains(label.name) }
        guard contains(where: dropped) else { return self }
        return Labels(canonical: filter { !dropped($0) })
    }
}
