/// How an SLO's service level indicator is measured; every format maps onto one of these.
public enum SLI: Sendable, Hashable {
    /// Bad events over all events, each a query over a `{{.window}}` (Sloth `events`).
    case events(errors: QueryTemplate, total: QueryTemplate)
    /// Good events over all events (OpenSLO `ratioMetric` with `good`); errors are total − good.
    case goodTotal(good: QueryTemplate, total: QueryTemplate)
    /// A query that already yields the error ratio over `{{.window}}` (Sloth `raw`).
    case raw(errorRatio: QueryTemplate)
    /// Requests slower than a threshold, from a classic histogram: errors are
    /// `count − bucket{le="threshold"}` (burnrate/v1 `latency`).
    case latency(LatencySLI)
    /// A gauge that is 1 when the service is good and 0 when it is not (burnrate/v1 `gauge`).
    case gauge(good: QueryTemplate)
    /// A metric compared with a threshold (OpenSLO `thresholdMetric`): good when `query op value`.
    case threshold(query: QueryTemplate, op: ComparisonOperator, value: Double)
    /// A Sloth SLI plugin: accepted and validated, not evaluable without the plugin's code.
    case plugin(id: String, options: [String: String])
}

/// A latency SLI over a Prometheus classic histogram.
public struct LatencySLI: Sendable, Hashable {
    /// The histogram's base name, e.g. `vllm:time_to_first_token_seconds`
    /// (its `_bucket` and `_count` series are read).
    public var metric: String
    /// Label matchers added to every selector, PromQL syntax without braces, e.g. `model="llama"`.
    public var matchers: String
    /// The latency threshold in seconds; it must be one of the histogram's `le` bucket bounds.
    public var threshold: Double
    /// Where the SLI is defined.
    public var location: SourceLocation

    /// Creates a latency SLI.
    public init(metric: String, matchers: String, threshold: Double, location: SourceLocation) {
        self.metric = metric
        self.matchers = matchers
        self.threshold = threshold
        self.location = location
    }
}

/// A comparison operator as OpenSLO writes it.
public enum ComparisonOperator: String, Sendable, Hashable, Codable, CaseIterable {
    case lt, lte, gt, gte
}
