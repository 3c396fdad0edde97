extension Parser {
    /// Parses the ranges, subqueries, `offset` and `@` modifiers that follow an expression.
    mutating func parsePostfix(_ operand: Parsed) throws(ParseError) -> Parsed {
        var result = operand
        while true {
            switch token.kind {
            case .leftBracket:
                let bracket = token.start
                result = try parseRangeOrSubquery(result)
                if result.node.height > Parser.maximumDepth { throw tooDeep(at: bracket) }
            case .keyword(.offset):
                // Modifiers apply before the next token is read, so their errors come first, as in Prometheus.
                result = try parseOffset(result)
                try advance()
            case .at:
                result = try parseAt(result)
                try advance()
            default:
                return result
            }
        }
    }

    /// Parses `[range]` or `[range:step]` from the opening bracket.
    private mutating func parseRangeOrSubquery(_ operand: Parsed) throws(ParseError) -> Parsed {
        let bracket = token
        try advance()
        guard token.kind == .duration else { throw unexpected("subquery selector", expected: "duration") }
        let range = durationValue(token) ?? PromDuration(milliseconds: 1)
        try advance()
        switch token.kind {
        case .rightBracket:
            // As in Prometheus, the range is complete at `]`: its errors come before the next token's.
            guard case .vectorSelector(let selector) = operand.expr else {
                record("ranges only allowed for vector selectors", at: bracket.start)
                try advance()
                return Parsed(expr: operand.expr, node: SyntaxNode(start: operand.node.start, type: .rangeVector))
            }
            if selector.offset != nil {
                record("no offset modifiers allowed before range", at: bracket.start)
            } else if case .timestamp? = selector.at {
                record("no @ modifiers allowed before range", at: bracket.start)
            }
            try advance()
            let matrix = MatrixSelector(selector: selector, range: range)
            return Parsed(expr: .matrixSelector(matrix), node: SyntaxNode(start: operand.node.start, type: .rangeVector))
        case .colon:
            try advance()
            var step: PromDuration?
            if token.kind == .duration {
                step = durationValue(token)
                try advance()
                guard token.kind == .rightBracket else { throw unexpected("subquery selector", expected: #""]""#) }
            } else if token.kind != .rightBracket {
                throw unexpected("subquery selector", expected: #"duration or "]""#)
            }
            try advance()
            let subquery = Subquery(expr: operand.expr, range: range, step: step)
            let node = SyntaxNode(start: operand.node.start, type: .rangeVector, children: [operand.node])
            return Parsed(expr: .subquery(subquery), node: node)
        default:
            throw unexpected("subquery or range", expected: #"":" or "]""#)
        }
    }

    /// Parses `offset 5m` or `offset -5m`, stopping at the duration.
    private mutating func parseOffset(_ operand: Parsed) throws(ParseError) -> Parsed {
        try advance()
        var negative = false
        if token.kind == .op(.sub) {
            negative = true
            try advance()
        }
        guard token.kind == .duration else { throw unexpected("offset", expected: "duration") }
        guard let duration = durationValue(token) else { return operand }
        let offset = negative ? PromDuration(milliseconds: -duration.milliseconds) : duration
        var result = operand
        let misplaced = "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery"
        let twice = "offset may not be set multiple times"
        switch operand.expr {
        case .vectorSelector(var selector):
            if selector.offset != nil { record(twice, at: operand.node.start) } else { selector.offset = offset }
            result.expr = .vectorSelector(selector)
        case .matrixSelector(var matrix):
            if matrix.selector.offset != nil { record(twice, at: operand.node.start) } else { matrix.selector.offset = offset }
            result.expr = .matrixSelector(matrix)
        case .subquery(var subquery):
            if subquery.offset != nil { record(twice, at: operand.node.start) } else { subquery.offset = offset }
            result.expr = .subquery(subquery)
        default:
            record(misplaced, at: operand.node.start)
        }
        return result
    }

    /// Parses `@ <timestamp>`, `@ start()` or `@ end()`, stopping at its last token.
    private mutating func parseAt(_ operand: Parsed) throws(ParseError) -> Parsed {
        try advance()
        let modifier: AtModifier
        if case .keyword(let keyword) = token.kind, keyword == .start || keyword == .end {
            try advance()
            guard token.kind == .leftParen else { throw unexpected("@", expected: "timestamp") }
            try advance()
            guard token.kind == .rightParen else { throw unexpected("@", expected: "timestamp") }
            modifier = keyword == .start ? .start : .end
        } else {
            var sign = 1.0
            if case .op(let op) = token.kind, op == .sub || op == .add {
                sign = op == .sub ? -1 : 1
                try advance()
            }
            guard token.kind == .number else { throw unexpected("@", expected: "timestamp") }
            let seconds = sign * numberValue(token)
            // Prometheus bounds the seconds by Int64; the milliseconds must fit as well.
            guard let milliseconds = Parser.roundedMilliseconds(seconds) else {
                record("timestamp out of bounds for @ modifier: \(GoFormat.fixed(seconds))", at: operand.node.start)
                return operand
            }
            modifier = .timestamp(milliseconds: milliseconds)
        }
        var result = operand
        let misplaced = "@ modifier must be preceded by an instant vector selector or range vector selector or a subquery"
        let twice = "@ <timestamp> may not be set multiple times"
        switch operand.expr {
        case .vectorSelector(var selector):
            if selector.at != nil { record(twice, at: operand.node.start) } else { selector.at = modifier }
            result.expr = .vectorSelector(selector)
        case .matrixSelector(var matrix):
            if matrix.selector.at != nil { record(twice, at: operand.node.start) } else { matrix.selector.at = modifier }
            result.expr = .matrixSelector(matrix)
        case .subquery(var subquery):
            if subquery.at != nil { record(twice, at: operand.node.start) } else { subquery.at = modifier }
            result.expr = .subquery(subquery)
        default:
            record(misplaced, at: operand.node.start)
        }
        return result
    }

    /// `seconds × 1000` rounded half away from zero (Go's `math.Round`), or nil when out of Int64's range.
    static func roundedMilliseconds(_ seconds: Double) -> Int64? {
        let value = seconds * 1000
        guard value.isFinite, value < 9.223372036854775e18, value > -9.223372036854775e18 else { return nil }
        let truncated = Int64(value)
        let fraction = value - Double(truncated)
        if fraction >= 0.5 { return truncated + 1 }
        if fraction <= -0.5 { return truncated - 1 }
        return truncated
    }
}
