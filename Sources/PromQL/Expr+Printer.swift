extension Expr: CustomStringConvertible {
    /// The expression as canonical PromQL, printed the way Prometheus 2.42 prints it.
    ///
    /// For example `sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))`. Durations print
    /// as `1h30m`, `@` timestamps as `@ 1609746000.000`, strings double-quoted with Go escapes,
    /// and matchers sorted. Unlike Prometheus, a `group_left`/`group_right` after an empty
    /// `ignoring ()` is printed rather than lost, so the printed text means the same query.
    public var description: String {
        switch self {
        case .number(let literal):
            return literal.description
        case .string(let value):
            return GoFormat.quote(value)
        case .vectorSelector(let selector):
            return selector.description
        case .matrixSelector(let matrix):
            var bare = matrix.selector
            bare.offset = nil
            bare.at = nil
            return "\(bare)[\(matrix.range)]" + Expr.modifiers(at: matrix.selector.at, offset: matrix.selector.offset)
        case .subquery(let subquery):
            let step = subquery.step.map(\.description) ?? ""
            return "\(subquery.expr)[\(subquery.range):\(step)]" + Expr.modifiers(at: subquery.at, offset: subquery.offset)
        case .call(let call):
            return "\(call.function.name)(\(call.arguments.map(\.description).joined(separator: ", ")))"
        case .aggregation(let aggregation):
            var text = aggregation.op.rawValue
            if aggregation.without {
                text += " without (\(aggregation.grouping.joined(separator: ", "))) "
            } else if !aggregation.grouping.isEmpty {
                text += " by (\(aggregation.grouping.joined(separator: ", "))) "
            }
            let parameter = aggregation.parameter.map { "\($0), " } ?? ""
            return text + "(" + parameter + aggregation.expr.description + ")"
        case .binary(let binary):
            return "\(binary.lhs) \(binary.op)\(binary.returnBool ? " bool" : "")\(Expr.matchingText(binary.matching)) \(binary.rhs)"
        case .unary(let unary):
            return "\(unary.op)\(unary.expr)"
        case .paren(let inner):
            return "(\(inner))"
        }
    }

    static func modifiers(at: AtModifier?, offset: PromDuration?) -> String {
        var text = ""
        if let at { text += " \(at)" }
        if let offset { text += " offset \(offset)" }
        return text
    }

    static func matchingText(_ matching: VectorMatching?) -> String {
        guard let matching else { return "" }
        if !matching.on && matching.labels.isEmpty && matching.group == nil { return "" }
        var text = " \(matching.on ? "on" : "ignoring") (\(matching.labels.joined(separator: ", ")))"
        switch matching.group {
        case .left(let labels)?: text += " group_left (\(labels.joined(separator: ", ")))"
        case .right(let labels)?: text += " group_right (\(labels.joined(separator: ", ")))"
        case nil: break
        }
        return text
    }
}

extension VectorSelector: CustomStringConvertible {
    /// The selector as Prometheus prints it: name, sorted matchers, then `@` and `offset`.
    public var description: String {
        let name = self.name ?? ""
        let labels = matchers.map(\.description).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let body = labels.isEmpty ? name : "\(name){\(labels.joined(separator: ","))}"
        return body + Expr.modifiers(at: at, offset: offset)
    }
}
