/// A unary `-` or `+` applied to an expression that is not a number literal.
public struct UnaryExpr: Sendable, Hashable {
    /// The sign.
    public var op: UnaryOperator
    /// The operand.
    public var expr: Expr

    /// Creates a unary expression.
    public init(op: UnaryOperator, expr: Expr) {
        self.op = op
        self.expr = expr
    }
}

/// The sign of a unary expression.
public enum UnaryOperator: String, Sendable, Hashable, CustomStringConvertible {
    /// `-`.
    case minus = "-"
    /// `+`.
    case plus = "+"

    /// The operator as written.
    public var description: String { rawValue }
}
