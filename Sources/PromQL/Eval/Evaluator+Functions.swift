internal import Storage

extension Evaluator {
    /// Evaluates a function call at `t`.
    func evalCall(_ call: Call, at t: Int64) throws(EvaluationError) -> Value {
        let name = call.function.name
        let arguments = call.arguments
        if let rangeIndex = call.function.argumentTypes.firstIndex(of: .rangeVector) {
            return .vector(try evalRangeFunction(call, rangeIndex: rangeIndex, at: t))
        }
        let result: [Sample]
        switch name {
        case "time":
            return .scalar(t: t, v: Double(t) / 1000)
        case "pi":
            return .scalar(t: t, v: .pi)
        case "scalar":
            let samples = try vector(arguments[0], at: t)
            return .scalar(t: t, v: samples.count == 1 ? samples[0].v : .nan)
        case "vector":
            return .vector([Sample(labels: Labels(), t: t, v: try scalar(arguments[0], at: t))])
        case "timestamp":
            if case .vectorSelector(let selector) = arguments[0].withoutParens {
                // The sample's own time, not the evaluation time, as 2.42 does for a selector argument.
                result = instantSamples(selector, at: t) { Sample(labels: $0.droppingMetricName, t: t, v: Double($1.t) / 1000) }
            } else {
                result = try vector(arguments[0], at: t).map {
                    Sample(labels: $0.labels.droppingMetricName, t: t, v: Double($0.t) / 1000)
                }
            }
        case "absent":
            let samples = try vector(arguments[0], at: t)
            return .vector(samples.isEmpty ? [Sample(labels: Self.absentLabels(arguments[0]), t: t, v: 1)] : [])
        case "sort", "sort_desc":
            let descending = name == "sort_desc"
            let samples = try vector(arguments[0], at: t)
            // Go sorts NaN last either way.
            return .vector(samples.enumerated().sorted { a, b in
                let (x, y) = (a.element.v, b.element.v)
                if x.isNaN != y.isNaN { return y.isNaN }
                if x != y && !x.isNaN { return descending ? x > y : x < y }
                return a.offset < b.offset
            }.map(\.element))
        case "label_replace":
            result = try labelReplace(arguments, at: t)
        case "label_join":
            result = try labelJoin(arguments, at: t)
        case "histogram_quantile":
            result = Self.histogramQuantile(try scalar(arguments[0], at: t), try vector(arguments[1], at: t), t: t)
        case "histogram_count", "histogram_sum", "histogram_fraction":
            // Native histograms only; float samples give nothing, as in 2.42.
            result = []
        case "round":
            let toNearest = arguments.count > 1 ? try scalar(arguments[1], at: t) : 1
            let inverse = 1 / toNearest
            result = try vector(arguments[0], at: t).map {
                Sample(labels: $0.labels.droppingMetricName, t: t, v: ($0.v * inverse + 0.5).rounded(.down) / inverse)
            }
        case "clamp":
            let low = try scalar(arguments[1], at: t)
            let high = try scalar(arguments[2], at: t)
            if high < low { return .vector([]) }
            result = try vector(arguments[0], at: t).map {
                Sample(labels: $0.labels.droppingMetricName, t: t, v: GoMath.max(low, GoMath.min(high, $0.v)))
            }
        case "clamp_min":
            let low = try scalar(arguments[1], at: t)
            result = try vector(arguments[0], at: t).map {
                Sample(labels: $0.labels.droppingMetricName, t: t, v: GoMath.max(low, $0.v))
            }
        case "clamp_max":
            let high = try scalar(arguments[1], at: t)
            result = try vector(arguments[0], at: t).map {
                Sample(labels: $0.labels.droppingMetricName, t: t, v: GoMath.min(high, $0.v))
            }
        default:
            if let part = DateFunction(rawValue: name) {
                if arguments.isEmpty {
                    result = [Sample(labels: Labels(), t: t, v: part.value(ofSeconds: Double(t) / 1000))]
                } else {
                    result = try vector(arguments[0], at: t).map {
                        Sample(labels: $0.labels.droppingMetricName, t: t, v: part.value(ofSeconds: $0.v))
                    }
                }
            } else if let function = GoMath.unary(name) {
                result = try vector(arguments[0], at: t).map {
                    Sample(labels: $0.labels.droppingMetricName, t: t, v: function($0.v))
                }
            } else {
                throw .execution("function \"\(name)\" is not supported")
            }
        }
        try Self.checkUnique(result)
        return .vector(result)
    }

    /// The labels `absent` and `absent_over_time` give: the selector's equality matchers, except
    /// `__name__` and labels matched more than once or otherwise.
    static func absentLabels(_ expr: Expr) -> Labels {
        let matchers: [LabelMatcher]
        switch expr.withoutParens {
        case .vectorSelector(let selector): matchers = selector.allMatchers
        case .matrixSelector(let matrix): matchers = matrix.selector.allMatchers
        default: return Labels()
        }
        var labels: [Label] = []
        var emptied: Set<String> = []
        for matcher in matchers where matcher.name != Label.metricName {
            if matcher.type == .equal && !labels.contains(where: { $0.name == matcher.name }) {
                labels.append(Label(name: matcher.name, value: matcher.value))
            } else {
                emptied.insert(matcher.name)
            }
        }
        return Labels(labels.filter { !emptied.contains($0.name) })
    }
}

extension Expr {
    /// The expression inside any number of parentheses.
    var withoutParens: Expr {
        if case .paren(let inner) = self { return inner.withoutParens }
        return self
    }
}
