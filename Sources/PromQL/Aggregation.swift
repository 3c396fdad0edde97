/// An aggregation, such as `topk by (job) (5, x)`.
///
/// `by ()` means the same as no grouping and is stored (and printed) as none, as Prometheus does.
public struct Aggregation: Sendable, Hashable {
    /// The aggregation operator.
    public var op: AggregationOperator
    /// The aggregated instant-vector expression.
    public var expr: Expr
    /// The parameter of `topk`, `bottomk`, `quantile` and `count_values`.
    public var parameter: Expr?
    /// The labels of `by (...)` or `without (...)`, in the order written.
    public var grouping: [String]
    /// Whether `grouping` lists the labels to drop (`without`) rather than keep (`by`).
    public var without: Bool

    /// Creates an aggregation.
    public init(op: AggregationOperator, expr: Expr, parameter: Expr? = nil, grouping: [String] = [], without: Bool = false) {
        self.op = op
        self.expr = expr
        self.parameter = parameter
        self.grouping = grouping
        self.without = without
    }
}
