import Testing
import PromQL

/// One test per node kind: what the parser builds.
@Suite struct ExprTests {
    func parse(_ text: String) throws -> Expr {
        try Parser.parse(text)
    }

    func selector(_ name: String?, _ matchers: [LabelMatcher] = [], offset: PromDuration? = nil, at: AtModifier? = nil) -> Expr {
        .vectorSelector(VectorSelector(name: name, matchers: matchers, offset: offset, at: at))
    }

    func minutes(_ count: Int64) -> PromDuration {
        PromDuration(seconds: count * 60)
    }

    @Test func numberLiterals() throws {
        #expect(try parse("42") == .number(NumberLiteral(42)))
        #expect(try parse("0x1f") == .number(NumberLiteral(31)))
        #expect(try parse("017") == .number(NumberLiteral(15)))
        #expect(try parse("08") == .number(NumberLiteral(8)))
        #expect(try parse("1.5e3") == .number(NumberLiteral(1500)))
        #expect(try parse("-Inf") == .number(NumberLiteral(-.infinity)))
        #expect(try parse("+5") == .number(NumberLiteral(5)))
        #expect(try parse("NaN") == .number(NumberLiteral(.nan)))
    }

    @Test func stringLiterals() throws {
        #expect(try parse(#""a\tb""#) == .string("a\tb"))
        #expect(try parse("'it\\'s'") == .string("it's"))
        #expect(try parse("`raw\\n`") == .string("raw\\n"))
    }

    @Test func vectorSelectors() throws {
        #expect(try parse("up") == selector("up"))
        let matchers = [
            try LabelMatcher(name: "a", type: .equal, value: "1"),
            try LabelMatcher(name: "b", type: .notEqual, value: "2"),
            try LabelMatcher(name: "c", type: .regexMatch, value: "3.*"),
            try LabelMatcher(name: "d", type: .regexNoMatch, value: "4"),
        ]
        #expect(try parse(#"up{d!~"4", c=~"3.*", b!="2", a="1",}"#) == selector("up", matchers))
        #expect(try parse(#"{__name__="up"}"#) == selector(nil, [.equal("__name__", "up")]))
        #expect(try parse("up offset 5m") == selector("up", offset: minutes(5)))
        #expect(try parse("up offset -1h30m") == selector("up", offset: minutes(-90)))
        #expect(try parse("up @ 1609746000") == selector("up", at: .timestamp(milliseconds: 1_609_746_000_000)))
        #expect(try parse("up @ start()") == selector("up", at: .start))
        #expect(try parse("up @ end() offset 1m") == selector("up", offset: minutes(1), at: .end))
        #expect(try parse("sum") == selector("sum"))
        #expect(try parse("offset offset 5m") == selector("offset", offset: minutes(5)))
    }

    @Test func matrixSelectors() throws {
        let expected = Expr.matrixSelector(MatrixSelector(selector: VectorSelector(name: "x", offset: minutes(1), at: .start), range: minutes(5)))
        #expect(try parse("x[5m] @ start() offset 1m") == expected)
        #expect(try parse("x @ start() [5m] offset 1m") == expected)
    }

    @Test func subqueries() throws {
        let inner = try parse("rate(x[5m])")
        #expect(try parse("rate(x[5m])[1h:5m]") == .subquery(Subquery(expr: inner, range: minutes(60), step: minutes(5))))
        #expect(try parse("rate(x[5m])[1h:]") == .subquery(Subquery(expr: inner, range: minutes(60))))
        #expect(
            try parse("rate(x[5m])[1h:] offset -5m @ end()")
                == .subquery(Subquery(expr: inner, range: minutes(60), offset: minutes(-5), at: .end)))
        #expect(try parse("x[5m:]") == .subquery(Subquery(expr: selector("x"), range: minutes(5))))
    }

    @Test func functionCalls() throws {
        let rate = try #require(Function.named("rate"))
        #expect(try parse("rate(x[5m])") == .call(Call(function: rate, arguments: [try parse("x[5m]")])))
        let time = try #require(Function.named("time"))
        #expect(try parse("time()") == .call(Call(function: time, arguments: [])))
        let round = try #require(Function.named("round"))
        #expect(try parse("round(x, 5)") == .call(Call(function: round, arguments: [selector("x"), .number(NumberLiteral(5))])))
    }

    @Test func aggregations() throws {
        let byFirst = try parse("sum by (job, instance) (x)")
        #expect(byFirst == .aggregation(Aggregation(op: .sum, expr: selector("x"), grouping: ["job", "instance"])))
        #expect(try parse("sum(x) by (job, instance)") == byFirst)
        #expect(try parse("sum without (a) (x)") == .aggregation(Aggregation(op: .sum, expr: selector("x"), grouping: ["a"], without: true)))
        #expect(try parse("sum by () (x)") == .aggregation(Aggregation(op: .sum, expr: selector("x"))))
        #expect(
            try parse("topk(5, x)") == .aggregation(Aggregation(op: .topk, expr: selector("x"), parameter: .number(NumberLiteral(5)))))
        #expect(
            try parse(#"count_values without (a) ("v", x)"#)
                == .aggregation(Aggregation(op: .countValues, expr: selector("x"), parameter: .string("v"), grouping: ["a"], without: true)))
        for op in AggregationOperator.allCases {
            let text = op.parameterType == nil ? "\(op)(x)" : op.parameterType == .string ? "\(op)(\"l\", x)" : "\(op)(0.5, x)"
            guard case .aggregation(let aggregation) = try parse(text) else {
                Issue.record("\(text) is not an aggregation")
                continue
            }
            #expect(aggregation.op == op)
        }
        #expect(try parse("SUM BY (a) (x)") == .aggregation(Aggregation(op: .sum, expr: selector("x"), grouping: ["a"])))
    }

    @Test func binaryExpressions() throws {
        for op in BinaryOperator.allCases {
            let text = op.isComparison ? "a \(op) bool b" : "a \(op) b"
            #expect(
                try parse(text) == .binary(BinaryExpr(op: op, lhs: selector("a"), rhs: selector("b"), returnBool: op.isComparison)),
                "\(text)")
        }
        #expect(
            try parse("a / on(job) group_left(team) b")
                == .binary(
                    BinaryExpr(op: .div, lhs: selector("a"), rhs: selector("b"), matching: VectorMatching(on: true, labels: ["job"], group: .left(["team"])))))
        #expect(
            try parse("a * ignoring(x) group_right b")
                == .binary(
                    BinaryExpr(op: .mul, lhs: selector("a"), rhs: selector("b"), matching: VectorMatching(on: false, labels: ["x"], group: .right([])))))
        #expect(
            try parse("a and on() b")
                == .binary(BinaryExpr(op: .and, lhs: selector("a"), rhs: selector("b"), matching: VectorMatching(on: true, labels: []))))
        // Matching clauses only stay between two vectors; a bare `ignoring ()` is no clause.
        #expect(try parse("1 + on() a") == .binary(BinaryExpr(op: .add, lhs: .number(NumberLiteral(1)), rhs: selector("a"))))
        #expect(try parse("a + ignoring() b") == .binary(BinaryExpr(op: .add, lhs: selector("a"), rhs: selector("b"))))
        #expect(try parse("1 > bool 2") == .binary(BinaryExpr(op: .greater, lhs: .number(NumberLiteral(1)), rhs: .number(NumberLiteral(2)), returnBool: true)))
    }

    @Test func cardinality() throws {
        func binary(_ text: String) throws -> BinaryExpr {
            guard case .binary(let binary) = try parse(text) else { throw ParseError(message: "not binary", offset: 0, line: 1, column: 1) }
            return binary
        }
        #expect(try binary("a + b").cardinality == .oneToOne)
        #expect(try binary("a or b").cardinality == .manyToMany)
        #expect(try binary("a + on(x) group_left b").cardinality == .manyToOne)
        #expect(try binary("a + on(x) group_right b").cardinality == .oneToMany)
    }

    @Test func unaryExpressions() throws {
        #expect(try parse("-a") == .unary(UnaryExpr(op: .minus, expr: selector("a"))))
        #expect(try parse("+a") == .unary(UnaryExpr(op: .plus, expr: selector("a"))))
        #expect(try parse("-(1)") == .unary(UnaryExpr(op: .minus, expr: .paren(.number(NumberLiteral(1))))))
        #expect(try parse("--5") == .number(NumberLiteral(5)))
    }

    @Test func parentheses() throws {
        #expect(try parse("((a))") == .paren(.paren(selector("a"))))
        #expect(try parse("(a + b) * c") == .binary(BinaryExpr(op: .mul, lhs: .paren(try parse("a + b")), rhs: selector("c"))))
    }

    @Test func vectorSelectorsAreCollected() throws {
        let expr = try parse(#"sum(rate(a{x="1"}[5m])) / on() group_left topk(1, b offset 5m) + max_over_time(c[5m:]) + scalar(d) + 1"#)
        #expect(expr.vectorSelectors.map(\.metricName) == ["a", "b", "c", "d"])
        let first = try #require(expr.vectorSelectors.first)
        #expect(first.allMatchers == [.equal("__name__", "a"), .equal("x", "1")])
        #expect(first.matches(["__name__": "a", "x": "1", "y": "2"]))
        #expect(!first.matches(["__name__": "a", "x": "2"]))
        #expect(try parse(#"{__name__=~"job:.*"}"#).vectorSelectors.first?.metricName == nil)
    }
}
