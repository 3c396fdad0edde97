import Testing
@testable import PromQL

@Suite struct LexerTests {
    /// Lexes the whole text, returning kinds and texts up to end of input.
    func lex(_ text: String) throws(ParseError) -> [(TokenKind, String)] {
        var lexer = Lexer(text)
        var tokens: [(TokenKind, String)] = []
        while true {
            let token = try lexer.next()
            if token.kind == .eof { return tokens }
            tokens.append((token.kind, token.text))
        }
    }

    func kinds(_ text: String) throws(ParseError) -> [TokenKind] {
        try lex(text).map(\.0)
    }

    @Test func punctuationAndOperators() throws {
        #expect(try kinds("( ) , + - * / % ^ == != > < >= <= @") == [
            .leftParen, .rightParen, .comma, .op(.add), .op(.sub), .op(.mul), .op(.div), .op(.mod), .op(.pow),
            .op(.equal), .op(.notEqual), .op(.greater), .op(.less), .op(.greaterOrEqual), .op(.lessOrEqual), .at,
        ])
    }

    @Test func keywordsAreCaseInsensitive() throws {
        #expect(try kinds("SUM By without AND or Unless atan2 offset bool on ignoring group_left GROUP_RIGHT start end") == [
            .aggregator(.sum), .keyword(.by), .keyword(.without), .op(.and), .op(.or), .op(.unless), .op(.atan2),
            .keyword(.offset), .keyword(.bool), .keyword(.on), .keyword(.ignoring), .keyword(.groupLeft),
            .keyword(.groupRight), .keyword(.start), .keyword(.end),
        ])
        #expect(try kinds("count_values topk bottomk quantile stddev stdvar group avg min max count") == [
            .aggregator(.countValues), .aggregator(.topk), .aggregator(.bottomk), .aggregator(.quantile),
            .aggregator(.stddev), .aggregator(.stdvar), .aggregator(.group), .aggregator(.avg), .aggregator(.min),
            .aggregator(.max), .aggregator(.count),
        ])
    }

    @Test func identifiers() throws {
        let tokens = try lex("http_requests_total job:rate5m :a b_1")
        #expect(tokens.map(\.0) == [.identifier, .metricIdentifier, .metricIdentifier, .identifier])
        #expect(tokens.map(\.1) == ["http_requests_total", "job:rate5m", ":a", "b_1"])
    }

    @Test func numbers() throws {
        let tokens = try lex("1 1.5 .5 5. 1e3 1E-3 0x1F Inf nan NaN")
        #expect(tokens.allSatisfy { $0.0 == .number })
        #expect(tokens.map(\.1) == ["1", "1.5", ".5", "5.", "1e3", "1E-3", "0x1F", "Inf", "nan", "NaN"])
    }

    @Test func durations() throws {
        let tokens = try lex("offset 5m 1h30m 1y2w3d4h5m6s7ms")
        #expect(tokens.map(\.0) == [.keyword(.offset), .duration, .duration, .duration])
        #expect(tokens.map(\.1) == ["offset", "5m", "1h30m", "1y2w3d4h5m6s7ms"])
    }

    @Test func bracketsExpectDurationsAndColons() throws {
        #expect(try kinds("x[ 5m ]") == [.identifier, .leftBracket, .duration, .rightBracket])
        #expect(try kinds("x[1h:5m]") == [.identifier, .leftBracket, .duration, .colon, .duration, .rightBracket])
        #expect(try kinds("x[1h:]") == [.identifier, .leftBracket, .duration, .colon, .rightBracket])
    }

    @Test func insideBraces() throws {
        let tokens = try lex(#"{a="1", by!="2",c=~'3',d!~`4`}"#)
        #expect(tokens.map(\.0) == [
            .leftBrace, .identifier, .matchOp(.equal), .string, .comma, .identifier, .matchOp(.notEqual), .string, .comma,
            .identifier, .matchOp(.regexMatch), .string, .comma, .identifier, .matchOp(.regexNoMatch), .string, .rightBrace,
        ])
        #expect(tokens[5].1 == "by")
    }

    @Test func strings() throws {
        let tokens = try lex(#""a\"b" 'c\'d' `e\f`"#)
        #expect(tokens.map(\.0) == [.string, .string, .string])
        #expect(tokens.map { Lexer.unquote($0.1) } == [#"a"b"#, "c'd", #"e\f"#])
        #expect(Lexer.unquote(#""\u00e9\U0001F600\x41\101\n\t\\""#) == "é😀AA\n\t\\")
    }

    @Test func commentsAndWhitespaceAreSkipped() throws {
        #expect(try kinds("a # comment + b\n\t+ c\r\n") == [.identifier, .op(.add), .identifier])
    }

    @Test func tokenPositionsAreByteOffsets() throws {
        var lexer = Lexer("\"é\" + b")
        let string = try lexer.next()
        let plus = try lexer.next()
        #expect((string.start, string.end) == (0, 4))
        #expect((plus.kind, plus.start) == (.op(.add), 5))
    }

    @Test(arguments: [
        ("foo{a~\"x\"}", "unexpected character inside braces: '~'", 5),
        ("!foo", "unexpected character after '!': 'f'", 0),
        ("a =~ b", "unexpected character after '=': '~'", 2),
        ("\"abc", "unterminated quoted string", 0),
        ("`abc", "unterminated raw string", 0),
        ("\"\\q\"", "unknown escape sequence U+0071 'q'", 0),
        ("\"\\xZZ\"", "illegal character U+005A 'Z' in escape sequence", 0),
        ("\"\\uD800\"", "escape sequence is an invalid Unicode code point", 0),
        ("foo[5]", "missing unit character in duration", 4),
        ("foo[5y3y]", "bad duration syntax: \"5y3\"", 4),
        ("1_000", "bad number or duration syntax: \"1\"", 0),
        ("a.b", "unexpected character: '.'", 1),
        ("foo]", "unexpected right bracket ']'", 3),
        ("foo[5m:1m:]", "unexpected colon ':'", 9),
        ("foo{", "unexpected end of input inside braces", 4),
    ])
    func lexerErrors(text: String, message: String, offset: Int) {
        var lexer = Lexer(text)
        #expect(throws: ParseError(message: message, offset: offset, line: 1, column: offset + 1)) {
            while try lexer.next().kind != .eof {}
        }
    }
}
