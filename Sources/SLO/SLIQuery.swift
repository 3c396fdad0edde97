internal import PromQL
public import Rules

/// The PromQL of an SLO's SLI over a window: its error ratio and, for SLIs that count events, the
/// number of events (for the `min_events` guard).
///
/// How each SLI kind becomes an error ratio (`w` is the window, `g` the SLO's `group_by`):
///
/// | SLI | error ratio over `w` |
/// | --- | --- |
/// | `events` (Sloth) | `(errors[w])\n/\n(total[w])`, Sloth's text; with `g`, each query inside `sum by (g) (…)` |
/// | `raw` (Sloth) | `(ratio[w])`, Sloth's text; `g` is left to the query |
/// | good/total (OpenSLO) | `1 - ((good[w]) / (total[w]))`; with `g`, inside `sum by (g) (…)` |
/// | `latency` (burnrate/v1) | `1 - (sum by (g) (rate(m_bucket{sel, le="t"}[w])) / sum by (g) (rate(m_count{sel}[w])))` |
/// | `gauge` (burnrate/v1) | `1 - avg_over_time((good)[w:])`, the share of time not good; with `g`, inside `avg by (g) (…)` |
/// | threshold (OpenSLO) | `1 - avg_over_time(((query) op bool value)[w:])`, the share of time the comparison fails |
///
/// Subqueries (`[w:]`) step at the evaluation interval. With `timeslices` budgeting, the ratio is
/// the share of bad slices instead: `avg_over_time(((ratio over slice) > bool (1 - target))[w:slice])`,
/// a slice being bad when its SLI is below the target. `ratio_timeslices` counts events per slice
/// and sums them, which is the occurrences ratio, so it is computed as one.
public struct SLIQuery: Sendable {
    /// The SLO the queries are for.
    public let slo: SLO

    /// The queries of `slo`'s SLI.
    public init(slo: SLO) {
        self.slo = slo
    }

    /// The error ratio over `window`, or nil for a plugin SLI.
    public func errorRatio(_ window: Duration) -> String? {
        if case .timeslices(let target, let slice) = slo.budgeting {
            guard let sliceRatio = occurrencesRatio(slice) else { return nil }
            let bad = "(\(sliceRatio)) > bool (1 - \(SlothNumber.format(target)))"
            return "avg_over_time((\(bad))[\(SlothNumber.format(window)):\(SlothNumber.format(slice))])"
        }
        return occurrencesRatio(window)
    }

    /// The number of events within `window`, for SLIs that count them; nil for the others.
    ///
    /// A total query written with `rate` or `irate` counts per second, so it is multiplied by the
    /// window's seconds; one written with `increase` (and no rate) already counts events.
    public func eventCount(_ window: Duration) -> String? {
        let text = SlothNumber.format(window)
        switch slo.indicator {
        case .events(_, let total), .goodTotal(_, let total):
            let query = userQuery(total.render(window: text))
            return Self.countsPerSecond(query) ? "(\(query)) * \(SlothNumber.format(SlothNumber.seconds(window)))" : "(\(query))"
        case .latency(let latency):
            return aggregate("sum", "increase(\(selector(latency, suffix: "_count"))[\(text)])")
        case .raw, .gauge, .threshold, .plugin:
            return nil
        }
    }

    /// The ratio of bad events over `window`, ignoring time slices.
    private func occurrencesRatio(_ window: Duration) -> String? {
        let text = SlothNumber.format(window)
        switch slo.indicator {
        case .events(let errors, let total):
            if slo.groupBy.isEmpty {
                return "(\(errors.render(window: text)))\n/\n(\(total.render(window: text)))\n"
            }
            return "(\(userQuery(errors.render(window: text))))\n/\n(\(userQuery(total.render(window: text))))\n"
        case .raw(let ratio):
            return "(\(ratio.render(window: text)))"
        case .goodTotal(let good, let total):
            let good = userQuery(good.render(window: text))
            let total = userQuery(total.render(window: text))
            return "1 - (\n  (\(good))\n  /\n  (\(total))\n)"
        case .latency(let latency):
            let good = aggregate("sum", "rate(\(selector(latency, suffix: "_bucket", le: latency.threshold))[\(text)])")
            let total = aggregate("sum", "rate(\(selector(latency, suffix: "_count"))[\(text)])")
            return "1 - (\n  \(good)\n  /\n  \(total)\n)"
        case .gauge(let good):
            let share = "avg_over_time((\(good.render(window: text)))[\(text):])"
            return "1 - " + (slo.groupBy.isEmpty ? share : aggregate("avg", share))
        case .threshold(let query, let op, let value):
            let comparison = "(\(query.render(window: text))) \(Self.symbol(op)) bool \(SlothNumber.format(value))"
            let share = "avg_over_time((\(comparison))[\(text):])"
            return "1 - " + (slo.groupBy.isEmpty ? share : aggregate("avg", share))
        case .plugin:
            return nil
        }
    }

    /// A user's query, summed by `group_by` when the SLO has one, else as written (it already
    /// aggregates as its author wants).
    private func userQuery(_ query: String) -> String {
        slo.groupBy.isEmpty ? query : aggregate("sum", query)
    }

    /// `op(query)`, or `op by (group_by) (query)`.
    private func aggregate(_ op: String, _ query: String) -> String {
        slo.groupBy.isEmpty ? "\(op)(\(query))" : "\(op) by (\(slo.groupBy.joined(separator: ", "))) (\(query))"
    }

    /// `metric_suffix{selector}` or `metric_suffix{selector, le="t"}` for a histogram.
    private func selector(_ latency: LatencySLI, suffix: String, le: Double? = nil) -> String {
        var matchers = latency.matchers.isEmpty ? [] : [latency.matchers]
        if let le { matchers.append(Self.leMatcher(le)) }
        return latency.metric + suffix + (matchers.isEmpty ? "" : "{\(matchers.joined(separator: ", "))}")
    }

    /// The `le` matcher of a bucket bound. Go clients write whole bounds as `1`, others (Python,
    /// OpenMetrics) as `1.0`: a whole bound matches both spellings.
    static func leMatcher(_ bound: Double) -> String {
        let text = SlothNumber.format(bound)
        if bound.rounded() == bound, !text.contains("e") {
            return "le=~\(SlothNumber.quote(text + "|" + text + "\\.0"))"
        }
        return "le=\(SlothNumber.quote(text))"
    }

    /// PromQL's comparison for an OpenSLO operator.
    static func symbol(_ op: ComparisonOperator) -> String {
        switch op {
        case .lt: "<"
        case .lte: "<="
        case .gt: ">"
        case .gte: ">="
        }
    }

    /// True when the query counts per second (`rate`, `irate`) rather than events (`increase`).
    static func countsPerSecond(_ query: String) -> Bool {
        guard let expr = try? Parser.parse(query) else { return true }
        let names = functionNames(expr)
        return names.contains("rate") || names.contains("irate") || !names.contains("increase")
    }

    private static func functionNames(_ expr: Expr) -> Set<String> {
        switch expr {
        case .number, .string, .vectorSelector, .matrixSelector: return []
        case .subquery(let subquery): return functionNames(subquery.expr)
        case .call(let call): return call.arguments.reduce(into: [call.function.name]) { $0.formUnion(functionNames($1)) }
        case .aggregation(let aggregation): return functionNames(aggregation.expr)
        case .binary(let binary): return functionNames(binary.lhs).union(functionNames(binary.rhs))
        case .unary(let unary): return functionNames(unary.expr)
        case .paren(let inner): return functionNames(inner)
        }
    }
}
