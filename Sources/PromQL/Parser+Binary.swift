extension Parser {
    /// The modifiers written after a binary operator: `bool`, `on`/`ignoring`, `group_left`/`group_right`.
    struct BinaryModifiers {
        var returnBool = false
        var matching: VectorMatching?
    }

    /// Parses `[bool] [on|ignoring (labels) [group_left|group_right [(labels)]]]`.
    mutating func parseBinaryModifiers() throws(ParseError) -> BinaryModifiers {
        var modifiers = BinaryModifiers()
        if token.kind == .keyword(.bool) {
            modifiers.returnBool = true
            try advance()
        }
        guard case .keyword(let keyword) = token.kind, keyword == .on || keyword == .ignoring else {
            return modifiers
        }
        try advance()
        var matching = VectorMatching(on: keyword == .on, labels: try parseGroupingLabels())
        if case .keyword(let group) = token.kind, group == .groupLeft || group == .groupRight {
            try advance()
            var include: [String] = []
            if token.kind == .leftParen {
                include = try parseGroupingLabels()
            } else if !startsExpression(token) {
                throw unexpected("grouping opts", expected: #""(""#)
            }
            matching.group = group == .groupLeft ? .left(include) : .right(include)
        }
        modifiers.matching = matching
        return modifiers
    }

    /// Whether an expression can start with the token.
    func startsExpression(_ token: Token) -> Bool {
        switch token.kind {
        case .number, .string, .leftParen, .leftBrace, .identifier, .metricIdentifier, .aggregator,
            .op(.sub), .op(.add), .op(.and), .op(.or), .op(.unless),
            .keyword(.by), .keyword(.without), .keyword(.offset), .keyword(.start), .keyword(.end):
            return true
        default:
            return false
        }
    }

    /// Builds a binary expression, keeping the matching clause only between two instant vectors
    /// (and dropping a bare `ignoring ()`, which means no clause), as Prometheus does.
    func makeBinary(_ op: BinaryOperator, _ lhs: Parsed, _ rhs: Parsed, _ modifiers: BinaryModifiers, operatorStart: Int) -> Parsed {
        let bothVectors = lhs.node.type == .instantVector && rhs.node.type == .instantVector
        var matching = bothVectors ? modifiers.matching : nil
        if let written = matching, !written.on, written.labels.isEmpty, written.group == nil {
            matching = nil
        }
        let binary = BinaryExpr(op: op, lhs: lhs.expr, rhs: rhs.expr, returnBool: modifiers.returnBool, matching: matching)
        let type: ValueType = lhs.node.type == .scalar && rhs.node.type == .scalar ? .scalar : .instantVector
        var node = SyntaxNode(start: lhs.node.start, type: type, children: [lhs.node, rhs.node])
        node.operatorStart = operatorStart
        node.writtenMatching = modifiers.matching
        return Parsed(expr: .binary(binary), node: node)
    }
}
