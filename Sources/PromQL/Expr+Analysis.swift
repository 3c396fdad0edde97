extension Expr {
    /// The type of value the expression evaluates to, by Prometheus' rules.
    public var valueType: ValueType {
        switch self {
        case .number: .scalar
        case .string: .string
        case .vectorSelector, .aggregation: .instantVector
        case .matrixSelector, .subquery: .rangeVector
        case .call(let call): call.function.returnType
        case .unary(let unary): unary.expr.valueType
        case .paren(let inner): inner.valueType
        case .binary(let binary):
            binary.lhs.valueType == .scalar && binary.rhs.valueType == .scalar ? .scalar : .instantVector
        }
    }

    /// Every vector selector in the tree, in source order, including those inside range selectors.
    ///
    /// The ingest filter uses it to decide which series to store: a series is needed when it
    /// satisfies `allMatchers` of some selector.
    public var vectorSelectors: [VectorSelector] {
        var result: [VectorSelector] = []
        collectSelectors(into: &result)
        return result
    }

    private func collectSelectors(into result: inout [VectorSelector]) {
        switch self {
        case .number, .string:
            break
        case .vectorSelector(let selector):
            result.append(selector)
        case .matrixSelector(let matrix):
            result.append(matrix.selector)
        case .subquery(let subquery):
            subquery.expr.collectSelectors(into: &result)
        case .call(let call):
            for argument in call.arguments { argument.collectSelectors(into: &result) }
        case .aggregation(let aggregation):
            aggregation.parameter?.collectSelectors(into: &result)
            aggregation.expr.collectSelectors(into: &result)
        case .binary(let binary):
            binary.lhs.collectSelectors(into: &result)
            binary.rhs.collectSelectors(into: &result)
        case .unary(let unary):
            unary.expr.collectSelectors(into: &result)
        case .paren(let inner):
            inner.collectSelectors(into: &result)
        }
    }
}
