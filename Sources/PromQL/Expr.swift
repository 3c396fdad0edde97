/// A PromQL expression: the syntax tree the parser produces and the printer prints.
///
/// Parentheses the user wrote are kept as `.paren`, so printing is faithful and
/// `Parser.parse(expr.description) == expr` for every parsed expression.
public indirect enum Expr: Sendable, Hashable {
    /// A number literal, such as `5`, `0x1f` or `NaN`; `-5` is folded into the literal.
    case number(NumberLiteral)
    /// A string literal, such as `"text"`, unquoted.
    case string(String)
    /// An instant vector selector, such as `http_requests_total{code="500"}`.
    case vectorSelector(VectorSelector)
    /// A range vector selector, such as `http_requests_total[5m]`.
    case matrixSelector(MatrixSelector)
    /// A subquery, such as `rate(x[5m])[1h:1m]`.
    case subquery(Subquery)
    /// A function call, such as `rate(x[5m])`.
    case call(Call)
    /// An aggregation, such as `sum by (job) (x)`.
    case aggregation(Aggregation)
    /// A binary operation, such as `a / on (job) b`.
    case binary(BinaryExpr)
    /// A unary `-` or `+`.
    case unary(UnaryExpr)
    /// Parentheses around an expression.
    case paren(Expr)
}
