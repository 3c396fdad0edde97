/// Where a parsed expression sits in the query, kept beside the `Expr` for type checking.
///
/// Children follow the expression's structure: binary `[lhs, rhs]`; unary, paren and
/// subquery `[inner]`; call: the arguments; aggregation: `[expr]` or `[expr, parameter]`.
struct SyntaxNode: Sendable {
    /// The byte offset where Prometheus says the expression starts.
    var start: Int
    /// The value type of the expression.
    var type: ValueType
    var children: [SyntaxNode] = [] {
        didSet { height = 1 + (children.map(\.height).max() ?? 0) }
    }
    /// The depth of the tree below and including this node.
    private(set) var height = 1
    /// For binary expressions: where the operator starts.
    var operatorStart = 0
    /// For binary expressions: the matching clause as written, before the parser drops it.
    var writtenMatching: VectorMatching? = nil

    init(start: Int, type: ValueType, children: [SyntaxNode] = []) {
        self.start = start
        self.type = type
        self.children = children
        self.height = 1 + (children.map(\.height).max() ?? 0)
    }
}

/// An expression with its syntax node.
struct Parsed: Sendable {
    var expr: Expr
    var node: SyntaxNode
}
