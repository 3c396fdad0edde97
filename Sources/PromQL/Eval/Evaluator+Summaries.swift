internal import Storage

extension Evaluator {
    /// The range functions whose result over a matrix selector can be folded from chunk summaries
    /// (`RangeAccumulator`) bit for bit, so a long window decodes only its edge chunks.
    static let summarisableFunctions: Set<String> = [
        "rate", "increase", "delta", "resets", "changes", "count_over_time", "min_over_time",
        "max_over_time", "last_over_time", "present_over_time",
    ]

    /// The matrix selector a range function's argument names (through parentheses), if any.
    static func matrixArgument(_ expr: Expr) -> MatrixSelector? {
        switch expr {
        case .paren(let inner): matrixArgument(inner)
        case .matrixSelector(let matrix): matrix
        default: nil
        }
    }

    /// Collects the matrix selectors of `expr`, outside subqueries, that are the argument of a
    /// summarisable range function with a range of at least `minimumRange` milliseconds: those are
    /// read as summaries, per evaluation step, instead of as samples.
    static func collectSummarised(_ expr: Expr, minimumRange: Int64, into matrices: inout Set<MatrixSelector>) {
        switch expr {
        case .number, .string, .vectorSelector, .matrixSelector, .subquery:
            break
        case .call(let call):
            if summarisableFunctions.contains(call.function.name),
               let rangeIndex = call.function.argumentTypes.firstIndex(of: .rangeVector),
               let matrix = matrixArgument(call.arguments[rangeIndex]),
               matrix.range.milliseconds >= minimumRange {
                matrices.insert(matrix)
            }
            for argument in call.arguments { collectSummarised(argument, minimumRange: minimumRange, into: &matrices) }
        case .aggregation(let aggregation):
            collectSummarised(aggregation.expr, minimumRange: minimumRange, into: &matrices)
            if let parameter = aggregation.parameter { collectSummarised(parameter, minimumRange: minimumRange, into: &matrices) }
        case .binary(let binary):
            collectSummarised(binary.lhs, minimumRange: minimumRange, into: &matrices)
            collectSummarised(binary.rhs, minimumRange: minimumRange, into: &matrices)
        case .unary(let unary):
            collectSummarised(unary.expr, minimumRange: minimumRange, into: &matrices)
        case .paren(let inner):
            collectSummarised(inner, minimumRange: minimumRange, into: &matrices)
        }
    }

    /// Evaluates a summarisable range function at `t` from the summarised series read for that
    /// step's window, or nil when they were not read for `t` (the caller then uses the samples).
    func evalSummarisedFunction(_ name: String, _ argument: Expr, at t: Int64) -> [Sample]? {
        guard Self.summarisableFunctions.contains(name), let matrix = Self.matrixArgument(argument),
              let series = summarised[matrix]?[t] else { return nil }
        let end = referenceTime(matrix.selector.at, matrix.selector.offset, t)
        let window = Self.summaryWindow(end: end, range: matrix.range.milliseconds, observedChange: observedChange)
        var result: [Sample] = []
        for stored in series {
            let accumulator = stored.accumulator
            guard accumulator.count > 0, let value = Self.summarisedValue(name, accumulator, window) else { continue }
            let labels = name == "last_over_time" ? stored.labels : stored.labels.droppingMetricName
            result.append(Sample(labels: labels, t: t, v: value))
        }
        return result
    }

    /// The window a summarisable function's value is worked out for: `range` milliseconds ending
    /// at `end`, extrapolated unless `observedChange`.
    static func summaryWindow(end: Int64, range: Int64, observedChange: Bool) -> RangeArgument {
        var window = RangeArgument(series: [], rangeStart: end - range, rangeEnd: end, range: range)
        window.extrapolates = !observedChange
        return window
    }

    /// The value of a summarisable function from a series' accumulator (at least one sample).
    static func summarisedValue(_ name: String, _ accumulator: RangeAccumulator, _ window: RangeArgument) -> Double? {
        switch name {
        case "rate", "increase", "delta":
            let isCounter = name != "delta"
            guard let first = accumulator.first, let last = accumulator.last,
                  let change = isCounter ? accumulator.counterIncrease : accumulator.delta else { return nil }
            return Rate.extrapolated(
                first: first, last: last, count: accumulator.count, change: change, window,
                isCounter: isCounter, isRate: name == "rate"
            )
        case "resets": return Double(accumulator.resets)
        case "changes": return Double(accumulator.changes)
        case "count_over_time": return Double(accumulator.count)
        case "present_over_time": return 1
        case "min_over_time": return accumulator.min
        case "max_over_time": return accumulator.max
        case "last_over_time": return accumulator.last?.v
        default: return nil
        }
    }
}
