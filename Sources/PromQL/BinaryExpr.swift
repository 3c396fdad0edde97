/// A binary operation, such as `a > bool 5` or `a / on (job) group_left (team) b`.
public struct BinaryExpr: Sendable, Hashable {
    /// The operator.
    public var op: BinaryOperator
    /// The left operand.
    public var lhs: Expr
    /// The right operand.
    public var rhs: Expr
    /// Whether the `bool` modifier was given (comparisons only).
    public var returnBool: Bool
    /// The `on`/`ignoring`/`group_left`/`group_right` clause; only between two instant vectors.
    ///
    /// The parser drops a clause between operands that are not both vectors and a bare
    /// `ignoring ()`, which is what no clause means, as Prometheus does.
    public var matching: VectorMatching?

    /// Creates a binary expression.
    public init(op: BinaryOperator, lhs: Expr, rhs: Expr, returnBool: Bool = false, matching: VectorMatching? = nil) {
        self.op = op
        self.lhs = lhs
        self.rhs = rhs
        self.returnBool = returnBool
        self.matching = matching
    }

    /// How samples of two vectors pair up: set operators are many-to-many, `group_left` many-to-one,
    /// `group_right` one-to-many, the rest one-to-one.
    public var cardinality: VectorMatching.Cardinality {
        if op.isSetOperator { return .manyToMany }
        switch matching?.group {
        case .left?: return .manyToOne
        case .right?: return .oneToMany
        case nil: return .oneToOne
        }
    }
}
