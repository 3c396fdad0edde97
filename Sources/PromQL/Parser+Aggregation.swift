extension Parser {
    /// Parses an aggregation; `by`/`without` may come before or after the arguments.
    mutating func parseAggregation(_ op: AggregationOperator) throws(ParseError) -> Parsed {
        let start = token.start
        try advance()
        aggregationDepth += 1
        var grouping: [String] = []
        var without = false
        var modified = false
        if case .keyword(let keyword) = token.kind, keyword == .by || keyword == .without {
            try advance()
            grouping = try parseGroupingLabels()
            without = keyword == .without
            modified = true
        }
        guard token.kind == .leftParen else { throw unexpected() }
        let arguments = try parseArguments()
        try advance()
        if !modified, case .keyword(let keyword) = token.kind, keyword == .by || keyword == .without {
            try advance()
            grouping = try parseGroupingLabels()
            without = keyword == .without
        }
        aggregationDepth -= 1

        let wanted = op.parameterType == nil ? 1 : 2
        if arguments.isEmpty {
            record("no arguments for aggregate expression provided", at: start)
        } else if arguments.count != wanted {
            record("wrong number of arguments for aggregate expression provided, expected \(wanted), got \(arguments.count)", at: start)
        }
        guard let operand = arguments.last else {
            return Parsed(expr: .number(NumberLiteral(0)), node: SyntaxNode(start: start, type: .instantVector))
        }
        let parameter = wanted == 2 && arguments.count == 2 ? arguments.first : nil
        let aggregation = Aggregation(op: op, expr: operand.expr, parameter: parameter?.expr, grouping: grouping, without: without)
        let children = [operand.node] + (parameter.map { [$0.node] } ?? [])
        return Parsed(expr: .aggregation(aggregation), node: SyntaxNode(start: start, type: .instantVector, children: children))
    }

    /// Parses `(label, …)` after `by`, `without`, `on`, `ignoring`, `group_left` or `group_right`.
    mutating func parseGroupingLabels() throws(ParseError) -> [String] {
        guard token.kind == .leftParen else {
            throw unexpected("grouping opts", expected: #""(""#)
        }
        try advance()
        var labels: [String] = []
        if token.kind == .rightParen {
            try advance()
            return labels
        }
        while true {
            guard isLabelToken(token) else {
                throw unexpected("grouping opts", expected: "label")
            }
            labels.append(token.text)
            try advance()
            switch token.kind {
            case .comma:
                try advance()
                if token.kind == .rightParen {
                    try advance()
                    return labels
                }
            case .rightParen:
                try advance()
                return labels
            default:
                throw unexpected("grouping opts", expected: #""," or ")""#)
            }
        }
    }

    /// Whether a token may name a label in a grouping list: identifiers and keywords, not `a:b`.
    func isLabelToken(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .aggregator, .keyword, .op(.and), .op(.or), .op(.unless), .op(.atan2):
            return true
        default:
            return false
        }
    }
}
