/// Checks a parsed tree the way Prometheus' `checkAST` does, reporting the first error in its order.
struct TypeChecker {
    let source: [UInt8]

    func error(_ message: String, at offset: Int) -> ParseError {
        ParseError(message, at: offset, in: source)
    }

    /// Checks `expr` (whose positions are in `node`) and returns its type.
    func check(_ expr: Expr, _ node: SyntaxNode) throws(ParseError) -> ValueType {
        switch expr {
        case .number:
            return .scalar
        case .string:
            return .string
        case .vectorSelector(let selector):
            try checkSelector(selector, at: node.start)
            return .instantVector
        case .matrixSelector(let matrix):
            try checkSelector(matrix.selector, at: node.start)
            return .rangeVector
        case .subquery(let subquery):
            let type = try check(subquery.expr, node.children[0])
            if type != .instantVector {
                throw error("subquery is only allowed on instant vector, got \(type.prometheusName) instead", at: node.start)
            }
            return .rangeVector
        case .paren(let inner):
            return try check(inner, node.children[0])
        case .unary(let unary):
            let type = try check(unary.expr, node.children[0])
            if type != .scalar && type != .instantVector {
                throw error(
                    "unary expression only allowed on expressions of type scalar or instant vector, got \(GoFormat.quote(type.documentedName))",
                    at: node.start)
            }
            return type
        case .call(let call):
            try checkCall(call, node)
            return call.function.returnType
        case .aggregation(let aggregation):
            try expect(aggregation.expr, node.children[0], .instantVector, "aggregation expression")
            if let parameter = aggregation.parameter, let type = aggregation.op.parameterType {
                try expect(parameter, node.children[1], type, "aggregation parameter")
            }
            return .instantVector
        case .binary(let binary):
            return try checkBinary(binary, node)
        }
    }

    private func expect(_ expr: Expr, _ node: SyntaxNode, _ wanted: ValueType, _ context: String) throws(ParseError) {
        let type = try check(expr, node)
        if type != wanted {
            throw error("expected type \(wanted.documentedName) in \(context), got \(type.documentedName)", at: node.start)
        }
    }

    private func checkSelector(_ selector: VectorSelector, at start: Int) throws(ParseError) {
        if let name = selector.name, let other = selector.matchers.first(where: { $0.name == "__name__" }) {
            throw error("metric name must not be set twice: \(GoFormat.quote(name)) or \(GoFormat.quote(other.value))", at: start)
        }
        if !selector.allMatchers.contains(where: { !$0.matches("") }) {
            throw error("vector selector must contain at least one non-empty matcher", at: start)
        }
    }

    private func checkCall(_ call: Call, _ node: SyntaxNode) throws(ParseError) {
        let function = call.function
        let count = call.arguments.count
        let name = GoFormat.quote(function.name)
        if function.variadic == 0 {
            if count != function.argumentTypes.count {
                throw error("expected \(function.argumentTypes.count) argument(s) in call to \(name), got \(count)", at: node.start)
            }
        } else if count < function.minimumArguments {
            throw error("expected at least \(function.minimumArguments) argument(s) in call to \(name), got \(count)", at: node.start)
        } else if let maximum = function.maximumArguments, count > maximum {
            throw error("expected at most \(maximum) argument(s) in call to \(name), got \(count)", at: node.start)
        }
        for (index, argument) in call.arguments.enumerated() {
            guard let type = function.argumentType(at: index) else { break }
            try expect(argument, node.children[index], type, "call to function \(name)")
        }
    }

    private func checkBinary(_ binary: BinaryExpr, _ node: SyntaxNode) throws(ParseError) -> ValueType {
        let lhsType = try check(binary.lhs, node.children[0])
        let rhsType = try check(binary.rhs, node.children[1])
        let op = binary.op
        if binary.returnBool && !op.isComparison {
            throw error("bool modifier can only be used on comparison operators", at: node.operatorStart)
        }
        if op.isComparison && !binary.returnBool && lhsType == .scalar && rhsType == .scalar {
            throw error("comparisons between scalars must use BOOL modifier", at: node.operatorStart)
        }
        if let written = node.writtenMatching, written.on, let group = written.group {
            for label in written.labels where group.labels.contains(label) {
                throw error("label \(GoFormat.quote(label)) must not occur in ON and GROUP clause at once", at: node.operatorStart)
            }
        }
        if lhsType != .scalar && lhsType != .instantVector {
            throw error("binary expression must contain only scalar and instant vector types", at: node.children[0].start)
        }
        if rhsType != .scalar && rhsType != .instantVector {
            throw error("binary expression must contain only scalar and instant vector types", at: node.children[1].start)
        }
        if lhsType != .instantVector || rhsType != .instantVector {
            if let written = node.writtenMatching, !written.labels.isEmpty {
                throw error("vector matching only allowed between instant vectors", at: node.start)
            }
        } else if op.isSetOperator, node.writtenMatching?.group != nil {
            throw error("no grouping allowed for \(GoFormat.quote(op.rawValue)) operation", at: node.start)
        }
        if (lhsType == .scalar || rhsType == .scalar) && op.isSetOperator {
            throw error("set operator \(GoFormat.quote(op.rawValue)) not allowed in binary scalar expression", at: node.start)
        }
        return lhsType == .scalar && rhsType == .scalar ? .scalar : .instantVector
    }
}
