extension Parser {
    /// Parses `name(arg, …)`; the current token is the name.
    mutating func parseCall() throws(ParseError) -> Parsed {
        let name = token
        try advance()
        let arguments = try parseArguments()
        // Like Prometheus, the call is complete at `)`: its errors come before the next token's.
        let function: Function
        if let known = Function.named(name.text) {
            function = known
        } else {
            record("unknown function with name \(GoFormat.quote(name.text))", at: name.start)
            function = Function(name.text, [], returns: .instantVector)
        }
        let call = Call(function: function, arguments: arguments.map(\.expr))
        let node = SyntaxNode(start: name.start, type: function.returnType, children: arguments.map(\.node))
        try advance()
        return Parsed(expr: .call(call), node: node)
    }

    /// Parses `(arg, …)` from the opening parenthesis of a call or aggregation, stopping at the `)`.
    mutating func parseArguments() throws(ParseError) -> [Parsed] {
        try advance()
        var arguments: [Parsed] = []
        if token.kind == .rightParen {
            return arguments
        }
        while true {
            arguments.append(try parseExpression(above: 0))
            switch token.kind {
            case .comma:
                let comma = token
                try advance()
                if token.kind == .rightParen {
                    record("trailing commas not allowed in function call args", at: comma.start)
                    return arguments
                }
            case .rightParen:
                return arguments
            default:
                throw unexpected()
            }
        }
    }
}
