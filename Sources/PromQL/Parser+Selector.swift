extension Parser {
    /// Parses `name`, `name{…}` or `{…}`; `name` is the current token when given.
    mutating func parseVectorSelector(name: Token?) throws(ParseError) -> Parsed {
        let start = token.start
        if name != nil { try advance() }
        var matchers: [LabelMatcher] = []
        if token.kind == .leftBrace {
            matchers = try parseLabelMatchers()
        }
        // Prometheus prints matchers sorted; storing them so makes printing round-trip exactly.
        matchers.sort { $0.description.utf8.lexicographicallyPrecedes($1.description.utf8) }
        let selector = VectorSelector(name: name?.text, matchers: matchers)
        return Parsed(expr: .vectorSelector(selector), node: SyntaxNode(start: start, type: .instantVector))
    }

    /// Parses `{a="b", c=~"d", …}` from the opening brace.
    mutating func parseLabelMatchers() throws(ParseError) -> [LabelMatcher] {
        try advance()
        var matchers: [LabelMatcher] = []
        while true {
            if token.kind == .rightBrace {
                try advance()
                return matchers
            }
            guard token.kind == .identifier else {
                throw unexpected("label matching", expected: #"identifier or "}""#)
            }
            let label = token
            try advance()
            guard case .matchOp(let type) = token.kind else {
                throw unexpected("label matching", expected: "label matching operator")
            }
            try advance()
            guard token.kind == .string else {
                throw unexpected("label matching", expected: "string")
            }
            let value = stringValue(token)
            do {
                matchers.append(try LabelMatcher(name: label.text, type: type, value: value))
            } catch {
                record(error.message, at: label.start)
                matchers.append(.equal(label.text, value))
            }
            try advance()
            switch token.kind {
            case .comma:
                try advance()
            case .rightBrace:
                continue
            default:
                throw unexpected("label matching", expected: #""," or "}""#)
            }
        }
    }
}
