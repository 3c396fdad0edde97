internal import Storage

extension Evaluator {
    /// Evaluates a function over a range vector (`rate`, `*_over_time`, ...): once per series with
    /// samples in the window; the result drops `__name__` except for `last_over_time`.
    func evalRangeFunction(_ call: Call, rangeIndex: Int, at t: Int64) throws(EvaluationError) -> [Sample] {
        let name = call.function.name
        if let summarised = evalSummarisedFunction(name, call.arguments[rangeIndex], at: t) {
            try Self.checkUnique(summarised)
            return summarised
        }
        var argument = try evalRange(call.arguments[rangeIndex], at: t)
        argument.extrapolates = !observedChange
        if name == "absent_over_time" {
            return argument.series.isEmpty ? [Sample(labels: Self.absentLabels(call.arguments[rangeIndex]), t: t, v: 1)] : []
        }
        var parameters: [Double] = []
        for (index, expr) in call.arguments.enumerated() where index != rangeIndex {
            parameters.append(try scalar(expr, at: t))
        }
        var result: [Sample] = []
        for series in argument.series {
            guard let value = try RangeFunctions.value(name, series.points, argument, parameters, t: t) else { continue }
            let labels = name == "last_over_time" ? series.labels : series.labels.droppingMetricName
            result.append(Sample(labels: labels, t: t, v: value))
        }
        try Self.checkUnique(result)
        return result
    }
}
