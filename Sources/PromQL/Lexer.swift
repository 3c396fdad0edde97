/// Splits a PromQL query into tokens, one at a time, with Prometheus 2.42's lexical rules and messages.
///
/// The lexer tracks braces, brackets and parentheses as Prometheus' does: inside braces only
/// label-matching tokens exist; after `[` a duration is expected; `:` is a token only inside
/// brackets. Comments (`#` to end of line) and whitespace are skipped.
struct Lexer {
    let source: [UInt8]
    var position = 0
    var parenDepth = 0
    var braceOpen = false
    var bracketOpen = false
    var gotColon = false
    /// Set after `[` (and spaces): the next token must be a duration.
    var expectDuration = false

    init(_ text: String) {
        source = Array(text.utf8)
    }

    func error(_ message: String, at offset: Int) -> ParseError {
        ParseError(message, at: offset, in: source)
    }

    func peekByte(_ ahead: Int = 0) -> UInt8? {
        let index = position + ahead
        return index < source.count ? source[index] : nil
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: source[start..<end], as: UTF8.self)
    }

    func token(_ kind: TokenKind, _ start: Int) -> Token {
        Token(kind: kind, text: text(start, position), start: start, end: position)
    }

    /// The next token; `.eof` at the end of the query.
    mutating func next() throws(ParseError) -> Token {
        if expectDuration {
            expectDuration = false
            return try lexDuration()
        }
        while true {
            skipSpaces()
            guard let c = peekByte() else {
                if braceOpen { throw error("unexpected end of input inside braces", at: position) }
                if parenDepth != 0 { throw error("unclosed left parenthesis", at: position) }
                if bracketOpen { throw error("unclosed left bracket", at: position) }
                return Token(kind: .eof, text: "", start: position, end: position)
            }
            if c == UInt8(ascii: "#") {
                while let b = peekByte(), b != UInt8(ascii: "\n") { position += 1 }
                continue
            }
            return braceOpen ? try lexInsideBraces(c) : try lexStatement(c)
        }
    }

    mutating func skipSpaces() {
        while let b = peekByte(), Lexer.isSpace(b) { position += 1 }
    }

    private mutating func lexStatement(_ c: UInt8) throws(ParseError) -> Token {
        let start = position
        position += 1
        switch c {
        case UInt8(ascii: ","): return token(.comma, start)
        case UInt8(ascii: "*"): return token(.op(.mul), start)
        case UInt8(ascii: "/"): return token(.op(.div), start)
        case UInt8(ascii: "%"): return token(.op(.mod), start)
        case UInt8(ascii: "+"): return token(.op(.add), start)
        case UInt8(ascii: "-"): return token(.op(.sub), start)
        case UInt8(ascii: "^"): return token(.op(.pow), start)
        case UInt8(ascii: "@"): return token(.at, start)
        case UInt8(ascii: "="):
            if peekByte() == UInt8(ascii: "=") {
                position += 1
                return token(.op(.equal), start)
            }
            if peekByte() == UInt8(ascii: "~") {
                throw error("unexpected character after '=': '~'", at: start)
            }
            return token(.assign, start)
        case UInt8(ascii: "!"):
            if peekByte() == UInt8(ascii: "=") {
                position += 1
                return token(.op(.notEqual), start)
            }
            throw error("unexpected character after '!': \(quotedChar(at: position))", at: start)
        case UInt8(ascii: "<"), UInt8(ascii: ">"):
            let less = c == UInt8(ascii: "<")
            if peekByte() == UInt8(ascii: "=") {
                position += 1
                return token(.op(less ? .lessOrEqual : .greaterOrEqual), start)
            }
            return token(.op(less ? .less : .greater), start)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return try lexString(quote: c, start: start)
        case UInt8(ascii: "`"):
            return try lexRawString(start: start)
        case UInt8(ascii: "("):
            parenDepth += 1
            return token(.leftParen, start)
        case UInt8(ascii: ")"):
            parenDepth -= 1
            if parenDepth < 0 { throw error("unexpected right parenthesis ')'", at: position) }
            return token(.rightParen, start)
        case UInt8(ascii: "{"):
            braceOpen = true
            return token(.leftBrace, start)
        case UInt8(ascii: "["):
            if bracketOpen { throw error("unexpected left bracket '['", at: start) }
            gotColon = false
            bracketOpen = true
            let result = token(.leftBracket, start)
            skipSpaces()
            expectDuration = true
            return result
        case UInt8(ascii: "]"):
            if !bracketOpen { throw error("unexpected right bracket ']'", at: start) }
            bracketOpen = false
            return token(.rightBracket, start)
        case UInt8(ascii: ":") where bracketOpen:
            if gotColon { throw error("unexpected colon ':'", at: start) }
            gotColon = true
            return token(.colon, start)
        default:
            if Lexer.isDigit(c) || (c == UInt8(ascii: ".") && peekByte().map(Lexer.isDigit) == true) {
                position = start
                return try lexNumberOrDuration()
            }
            if Lexer.isAlpha(c) || c == UInt8(ascii: ":") {
                position = start
                return lexKeywordOrIdentifier()
            }
            position = start
            throw error("unexpected character: \(quotedChar(at: start))", at: start)
        }
    }

    private mutating func lexInsideBraces(_ c: UInt8) throws(ParseError) -> Token {
        let start = position
        position += 1
        switch c {
        case UInt8(ascii: ","): return token(.comma, start)
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return try lexString(quote: c, start: start)
        case UInt8(ascii: "`"): return try lexRawString(start: start)
        case UInt8(ascii: "="):
            if peekByte() == UInt8(ascii: "~") {
                position += 1
                return token(.matchOp(.regexMatch), start)
            }
            return token(.matchOp(.equal), start)
        case UInt8(ascii: "!"):
            switch peekByte() {
            case UInt8(ascii: "~")?:
                position += 1
                return token(.matchOp(.regexNoMatch), start)
            case UInt8(ascii: "=")?:
                position += 1
                return token(.matchOp(.notEqual), start)
            default:
                throw error("unexpected character after '!' inside braces: \(quotedChar(at: position))", at: start)
            }
        case UInt8(ascii: "{"):
            throw error("unexpected left brace '{'", at: start)
        case UInt8(ascii: "}"):
            braceOpen = false
            return token(.rightBrace, start)
        default:
            if Lexer.isAlpha(c) {
                while let b = peekByte(), Lexer.isAlphaNumeric(b) { position += 1 }
                return token(.identifier, start)
            }
            position = start
            throw error("unexpected character inside braces: \(quotedChar(at: start))", at: start)
        }
    }

    private mutating func lexKeywordOrIdentifier() -> Token {
        let start = position
        while let b = peekByte(), Lexer.isAlphaNumeric(b) || b == UInt8(ascii: ":") { position += 1 }
        let word = text(start, position)
        let lower = word.lowercased()
        if let kind = Lexer.keywords[lower] { return token(kind, start) }
        if lower == "inf" || lower == "nan" { return token(.number, start) }
        return token(word.utf8.contains(UInt8(ascii: ":")) ? .metricIdentifier : .identifier, start)
    }

    static let keywords: [String: TokenKind] = {
        var table: [String: TokenKind] = [
            "and": .op(.and), "or": .op(.or), "unless": .op(.unless), "atan2": .op(.atan2),
        ]
        for op in AggregationOperator.allCases { table[op.rawValue] = .aggregator(op) }
        for keyword in [Keyword.bool, .by, .without, .on, .ignoring, .offset, .groupLeft, .groupRight, .start, .end] {
            table[keyword.rawValue] = .keyword(keyword)
        }
        return table
    }()

    /// Go's `%q` of the character at `offset` (a full UTF-8 sequence), or `U+FFFD` past the end.
    func quotedChar(at offset: Int) -> String {
        guard offset < source.count else { return "'\\x00'" }
        var end = offset + 1
        while end < source.count, end - offset < 4, source[end] & 0xC0 == 0x80 { end += 1 }
        let scalar = String(decoding: source[offset..<end], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
        switch scalar {
        case "'": return "'\\''"
        case "\\": return "'\\\\'"
        default:
            let quoted = GoFormat.quote(String(scalar))
            return "'" + quoted.dropFirst().dropLast() + "'"
        }
    }

    static func isSpace(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")
    }

    static func isDigit(_ b: UInt8) -> Bool {
        b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")
    }

    static func isAlpha(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "_") || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
    }

    static func isAlphaNumeric(_ b: UInt8) -> Bool {
        isAlpha(b) || isDigit(b)
    }

    static func decimalValue(_ b: UInt8) -> Int? {
        isDigit(b) ? Int(b - UInt8(ascii: "0")) : nil
    }
}
