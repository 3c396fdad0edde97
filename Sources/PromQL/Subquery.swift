/// A subquery, such as `rate(x[5m])[1h:1m] offset 5m`: an instant-vector expression evaluated over a range.
public struct Subquery: Sendable, Hashable {
    /// The expression evaluated at each step.
    public var expr: Expr
    /// The range, such as `1h`.
    public var range: PromDuration
    /// The step, or nil for `[1h:]` (the default evaluation interval).
    public var step: PromDuration?
    /// The `offset` modifier.
    public var offset: PromDuration?
    /// The `@` modifier.
    public var at: AtModifier?

    /// Creates a subquery.
    public init(expr: Expr, range: PromDuration, step: PromDuration? = nil, offset: PromDuration? = nil, at: AtModifier? = nil) {
        self.expr = expr
        self.range = range
        self.step = step
        self.offset = offset
        self.at = at
    }
}
