/// Parses PromQL queries into `Expr` trees, with Prometheus 2.42's grammar, type rules and error messages.
///
/// Use `Parser.parse(_:)`:
///
/// ```swift
/// let expr = try Parser.parse(#"sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))"#)
/// expr.valueType          // .instantVector
/// expr.description        // the canonical text
/// ```
///
/// As in Prometheus, the first error wins in this order: errors found while building the
/// tree (bad durations, misplaced `offset`/`@`, unknown functions, bad regular expressions)
/// and syntax errors in the order they occur; type errors only when there are none of those.
///
/// Known differences from Prometheus 2.42:
/// - Regular expressions compile with Swift's `Regex` (see `LabelMatcher`); messages after
///   `error parsing regexp:` match Go's only for the common cases.
/// - An unexpected `@` is reported as `unexpected "@"` (Prometheus prints an internal item number).
/// - `a + ignoring () group_left () b` prints as written; Prometheus drops the clause when printing.
/// - A string whose `\x`/octal escapes make invalid UTF-8 is an error (Swift strings hold only UTF-8).
/// - `@` timestamps must fit in Int64 milliseconds (Prometheus overflows silently past ±9.2e15 s).
/// - Trees deeper than `maximumDepth` are refused.
/// - Which of several errors comes first follows yacc's order closely but not in every corner:
///   the context "in aggregation" and lexer errors met during look-ahead may differ rarely.
public struct Parser {
    var lexer: Lexer
    var token: Token
    private var peeked: Token?
    private(set) var firstBuildError: ParseError?
    /// How many aggregations enclose the current position; generic errors then say "in aggregation".
    var aggregationDepth = 0
    /// How many expressions enclose the current position.
    private var nesting = 0

    /// The deepest expression tree accepted, so that parsing, printing and comparing never exhaust the stack.
    ///
    /// Prometheus has no such limit; no real query comes near it.
    public static let maximumDepth = 256

    private init(_ text: String) {
        lexer = Lexer(text)
        token = Token(kind: .eof, text: "", start: 0, end: 0)
    }

    /// Parses and type-checks a PromQL expression.
    ///
    /// - Throws: `ParseError` with Prometheus' message and the position inside `text`.
    public static func parse(_ text: String) throws(ParseError) -> Expr {
        var parser = Parser(text)
        let parsed: Parsed
        do {
            parsed = try parser.parseQuery()
        } catch {
            throw parser.firstBuildError ?? error
        }
        if let buildError = parser.firstBuildError { throw buildError }
        _ = try TypeChecker(source: parser.lexer.source).check(parsed.expr, parsed.node)
        return parsed.expr
    }

    private mutating func parseQuery() throws(ParseError) -> Parsed {
        try advance()
        if token.kind == .eof {
            throw ParseError(message: "no expression found in input", offset: 0, line: 1, column: 1)
        }
        let result = try parseExpression(above: 0)
        guard token.kind == .eof else { throw unexpected() }
        return result
    }

    // MARK: Tokens and errors

    mutating func advance() throws(ParseError) {
        if let next = peeked {
            token = next
            peeked = nil
        } else {
            token = try lexer.next()
        }
    }

    mutating func peek() throws(ParseError) -> Token {
        if let peeked { return peeked }
        let next = try lexer.next()
        peeked = next
        return next
    }

    func error(_ message: String, at offset: Int) -> ParseError {
        ParseError(message, at: offset, in: lexer.source)
    }

    /// Records an error found while building the tree; parsing goes on, and the first one is reported.
    mutating func record(_ message: String, at offset: Int) {
        if firstBuildError == nil {
            firstBuildError = error(message, at: offset)
        }
    }

    /// A syntax error about the current token, worded like Prometheus'.
    func unexpected(_ context: String? = nil, expected: String? = nil) -> ParseError {
        var message = "unexpected " + token.errorDescription
        if let context = context ?? (aggregationDepth > 0 ? "aggregation" : nil) {
            message += " in " + context
        }
        if let expected {
            message += ", expected " + expected
        }
        return error(message, at: token.start)
    }

    // MARK: Expressions

    /// Parses an expression whose binary operators bind tighter than `level`.
    mutating func parseExpression(above level: Int) throws(ParseError) -> Parsed {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Parser.maximumDepth { throw tooDeep(at: token.start) }
        var lhs = try parseUnary()
        while case .op(let op) = token.kind, op.precedence > level {
            let operatorStart = token.start
            try advance()
            let modifiers = try parseBinaryModifiers()
            let rhs = try parseExpression(above: op.isRightAssociative ? op.precedence - 1 : op.precedence)
            lhs = makeBinary(op, lhs, rhs, modifiers, operatorStart: operatorStart)
            if lhs.node.height > Parser.maximumDepth { throw tooDeep(at: operatorStart) }
        }
        return lhs
    }

    func tooDeep(at offset: Int) -> ParseError {
        error("expression nested more than \(Parser.maximumDepth) levels deep", at: offset)
    }

    /// Parses a unary `-`/`+` (binding looser than `^`, tighter than `*`) or a postfix expression.
    mutating func parseUnary() throws(ParseError) -> Parsed {
        guard case .op(let op) = token.kind, op == .sub || op == .add else {
            return try parsePostfix(try parsePrimary())
        }
        let start = token.start
        try advance()
        let operand = try parseExpression(above: BinaryOperator.mul.precedence)
        if case .number(var literal) = operand.expr {
            if op == .sub { literal.value = -literal.value }
            return Parsed(expr: .number(literal), node: SyntaxNode(start: start, type: .scalar))
        }
        let unary = UnaryExpr(op: op == .sub ? .minus : .plus, expr: operand.expr)
        return Parsed(expr: .unary(unary), node: SyntaxNode(start: start, type: operand.node.type, children: [operand.node]))
    }

    mutating func parsePrimary() throws(ParseError) -> Parsed {
        switch token.kind {
        case .number:
            let literal = token
            let value = numberValue(literal)
            try advance()
            return Parsed(expr: .number(NumberLiteral(value)), node: SyntaxNode(start: literal.start, type: .scalar))
        case .string:
            let literal = token
            let value = stringValue(literal)
            try advance()
            return Parsed(expr: .string(value), node: SyntaxNode(start: literal.start, type: .string))
        case .leftParen:
            let start = token.start
            try advance()
            let inner = try parseExpression(above: 0)
            guard token.kind == .rightParen else { throw unexpected() }
            try advance()
            return Parsed(expr: .paren(inner.expr), node: SyntaxNode(start: start, type: inner.node.type, children: [inner.node]))
        case .leftBrace:
            return try parseVectorSelector(name: nil)
        case .identifier:
            if try peek().kind == .leftParen { return try parseCall() }
            return try parseVectorSelector(name: token)
        case .aggregator(let op):
            switch try peek().kind {
            case .leftParen, .keyword(.by), .keyword(.without):
                return try parseAggregation(op)
            default:
                return try parseVectorSelector(name: token)
            }
        case .metricIdentifier, .op(.and), .op(.or), .op(.unless),
            .keyword(.by), .keyword(.without), .keyword(.offset), .keyword(.start), .keyword(.end):
            // Prometheus accepts these keywords as metric names where an expression starts.
            return try parseVectorSelector(name: token)
        default:
            throw unexpected()
        }
    }
}
