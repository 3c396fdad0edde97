import Testing
import PromQL

/// Each class of error, with its message and position.
@Suite struct ParseErrorTests {
    func error(_ text: String) -> ParseError? {
        do {
            _ = try Parser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        // Lexical errors.
        ("foo{a~\"x\"}", "unexpected character inside braces: '~'", 1, 6),
        ("sum(", "unclosed left parenthesis", 1, 5),
        ("foo[5m", "unclosed left bracket", 1, 7),
        ("foo)", "unexpected right parenthesis ')'", 1, 5),
        // Syntax errors.
        ("1 +", "unexpected end of input", 1, 4),
        ("foo bar", "unexpected identifier \"bar\"", 1, 5),
        ("sum(foo bar)", "unexpected identifier \"bar\" in aggregation", 1, 9),
        ("foo{a}", "unexpected \"}\" in label matching, expected label matching operator", 1, 6),
        ("foo{a=}", "unexpected \"}\" in label matching, expected string", 1, 7),
        ("sum by a (x)", "unexpected identifier \"a\" in grouping opts, expected \"(\"", 1, 8),
        ("foo offset 5", "unexpected number \"5\" in offset, expected duration", 1, 12),
        ("foo @ x", "unexpected identifier \"x\" in @, expected timestamp", 1, 7),
        ("foo[5m 1m]", "unexpected duration \"1m\" in subquery or range, expected \":\" or \"]\"", 1, 8),
        ("foo[5m:5]", "unexpected number \"5\" in subquery selector, expected duration or \"]\"", 1, 8),
        ("   ", "no expression found in input", 1, 1),
        // Errors found while building the tree.
        ("foo[0s]", "duration must be greater than 0", 1, 5),
        ("foo offset 1.5h", "not a valid duration string: \"1.5h\"", 1, 12),
        ("(foo) offset 5m", "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery", 1, 1),
        ("foo offset 5m offset 1m", "offset may not be set multiple times", 1, 1),
        ("foo @ 1 @ 2", "@ <timestamp> may not be set multiple times", 1, 1),
        ("foo @ Inf", "timestamp out of bounds for @ modifier: +Inf", 1, 1),
        ("foo @ 1e20", "timestamp out of bounds for @ modifier: 100000000000000000000.000000", 1, 1),
        ("1 @ 5", "@ modifier must be preceded by an instant vector selector or range vector selector or a subquery", 1, 1),
        ("(foo)[5m]", "ranges only allowed for vector selectors", 1, 6),
        ("foo offset 5m[5m]", "no offset modifiers allowed before range", 1, 14),
        ("foo @ 100 [5m]", "no @ modifiers allowed before range", 1, 11),
        ("unknownfn(x)", "unknown function with name \"unknownfn\"", 1, 1),
        ("sum()", "no arguments for aggregate expression provided", 1, 1),
        ("topk(a)", "wrong number of arguments for aggregate expression provided, expected 2, got 1", 1, 1),
        ("rate(x[5m],)", "trailing commas not allowed in function call args", 1, 11),
        ("foo{a=~\"(5..\"}", "error parsing regexp: missing closing ): `^(?:(5..)$`", 1, 5),
        ("1e", "error parsing number: strconv.ParseFloat: parsing \"1e\": invalid syntax", 1, 1),
        // Type errors.
        ("{}", "vector selector must contain at least one non-empty matcher", 1, 1),
        ("{a=~\".*\"}", "vector selector must contain at least one non-empty matcher", 1, 1),
        ("foo{__name__=\"bar\"}", "metric name must not be set twice: \"foo\" or \"bar\"", 1, 1),
        ("rate(x)", "expected type range vector in call to function \"rate\", got instant vector", 1, 6),
        ("rate()", "expected 1 argument(s) in call to \"rate\", got 0", 1, 1),
        ("round(x, 1, 2)", "expected at most 2 argument(s) in call to \"round\", got 3", 1, 1),
        ("label_join(x, \"a\")", "expected at least 3 argument(s) in call to \"label_join\", got 2", 1, 1),
        ("sum(x[5m])", "expected type instant vector in aggregation expression, got range vector", 1, 5),
        ("topk(\"5\", a)", "expected type scalar in aggregation parameter, got string", 1, 6),
        ("1 > 2", "comparisons between scalars must use BOOL modifier", 1, 3),
        ("a + bool b", "bool modifier can only be used on comparison operators", 1, 3),
        ("a and 1", "set operator \"and\" not allowed in binary scalar expression", 1, 1),
        ("a and on(x) group_left b", "no grouping allowed for \"and\" operation", 1, 1),
        ("1 + on(x) a", "vector matching only allowed between instant vectors", 1, 1),
        ("a + on(x) group_left(x) b", "label \"x\" must not occur in ON and GROUP clause at once", 1, 3),
        ("a + b[5m]", "binary expression must contain only scalar and instant vector types", 1, 5),
        ("-\"a\"", "unary expression only allowed on expressions of type scalar or instant vector, got \"string\"", 1, 1),
        ("foo[5m:][5m:]", "subquery is only allowed on instant vector, got matrix instead", 1, 1),
    ])
    func errorClass(text: String, message: String, line: Int, column: Int) throws {
        let error = try #require(self.error(text), "\(text) should not parse")
        #expect(error.message == message)
        #expect((error.line, error.column) == (line, column), "\(text)")
        #expect(error.description == "\(line):\(column): parse error: \(message)")
    }

    @Test func positionsInMultiLineQueries() throws {
        let query = """
            sum(rate(a[5m]))
              /
            sum(rate(b[5m] bar))
            """
        let error = try #require(self.error(query))
        #expect(error.message == "unexpected identifier \"bar\" in aggregation")
        #expect((error.line, error.column) == (3, 16))
        #expect(error.offset == Array(query.utf8).count - 5)

        let typeError = try #require(self.error("a\n  + on(x) group_left(x) b"))
        #expect((typeError.line, typeError.column, typeError.offset) == (2, 3, 4))

        let lexError = try #require(self.error("foo\n+ bar{a~\"b\"}"))
        #expect(lexError.description == "2:8: parse error: unexpected character inside braces: '~'")
    }

    @Test func columnsCountUTF8Bytes() throws {
        let error = try #require(self.error("\"é\" + ]"))
        #expect((error.offset, error.column) == (7, 8))
    }

    @Test func buildErrorsWinOverLaterSyntaxErrors() throws {
        // Prometheus reports the first error it met; type errors only when there is no other.
        #expect(error("foo[0s] +")?.message == "duration must be greater than 0")
        #expect(error("rate(x) +")?.message == "unexpected end of input")
        #expect(error("topk(scalar(x[5m]), rate(y))")?.message == "expected type range vector in call to function \"rate\", got instant vector")
    }
}

/// Deep nesting is refused with an error instead of exhausting the stack.
@Suite struct DepthLimitTests {
    let depth = Parser.maximumDepth

    @Test func nestedParenthesesUpToTheLimit() throws {
        let ok = String(repeating: "(", count: depth - 2) + "x" + String(repeating: ")", count: depth - 2)
        let expr = try Parser.parse(ok)
        #expect(try Parser.parse(expr.description) == expr)
        let tooDeep = String(repeating: "(", count: depth * 5) + "x" + String(repeating: ")", count: depth * 5)
        #expect(throws: ParseError.self) { try Parser.parse(tooDeep) }
    }

    @Test func longOperatorChains() throws {
        let ok = Array(repeating: "x", count: depth - 1).joined(separator: " + ")
        let expr = try Parser.parse(ok)
        #expect(try Parser.parse(expr.description) == expr)
        let long = Array(repeating: "x", count: depth * 50).joined(separator: " / ")
        #expect(throws: ParseError.self) { try Parser.parse(long) }
        let unary = String(repeating: "-", count: depth * 5) + "x"
        #expect(throws: ParseError.self) { try Parser.parse(unary) }
        let calls = String(repeating: "abs(", count: depth * 5) + "x" + String(repeating: ")", count: depth * 5)
        #expect(throws: ParseError.self) { try Parser.parse(calls) }
    }
}
