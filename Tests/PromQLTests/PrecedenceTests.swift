import Testing
import PromQL

/// Operator precedence and associativity, compared with explicitly parenthesised forms.
@Suite struct PrecedenceTests {
    /// Parses `text` and checks it has the shape of `shape` once the parentheses of `shape` are removed.
    func same(_ text: String, _ shape: String) throws -> Bool {
        try stripParens(Parser.parse(text)) == stripParens(Parser.parse(shape))
    }

    func stripParens(_ expr: Expr) -> Expr {
        switch expr {
        case .paren(let inner):
            return stripParens(inner)
        case .binary(var binary):
            binary.lhs = stripParens(binary.lhs)
            binary.rhs = stripParens(binary.rhs)
            return .binary(binary)
        case .unary(var unary):
            unary.expr = stripParens(unary.expr)
            return .unary(unary)
        default:
            return expr
        }
    }

    @Test(arguments: [
        ("a ^ b ^ c", "a ^ (b ^ c)"),
        ("a - b - c", "(a - b) - c"),
        ("a / b * c", "(a / b) * c"),
        ("a + b * c", "a + (b * c)"),
        ("a * b ^ c", "a * (b ^ c)"),
        ("a + b > c", "(a + b) > c"),
        ("a > b and c", "(a > b) and c"),
        ("a and b or c and d", "(a and b) or (c and d)"),
        ("a unless b and c", "(a unless b) and c"),
        ("a or b unless c", "a or (b unless c)"),
        ("a atan2 b * c", "(a atan2 b) * c"),
        ("a % b + c", "(a % b) + c"),
        ("-a ^ b", "-(a ^ b)"),
        ("-a * b", "(-a) * b"),
        ("-a + b", "(-a) + b"),
        ("a * -b ^ c", "a * (-(b ^ c))"),
        ("2 ^ -1 * 3", "(2 ^ -1) * 3"),
        ("a + b offset 5m", "a + (b offset 5m)"),
        ("a == b != c", "(a == b) != c"),
    ])
    func precedence(text: String, shape: String) throws {
        #expect(try same(text, shape))
    }

    @Test func unaryMinusBindsLooserThanPower() throws {
        let expr = try Parser.parse("-2^2")
        #expect(
            expr == .unary(UnaryExpr(op: .minus, expr: .binary(BinaryExpr(op: .pow, lhs: .number(NumberLiteral(2)), rhs: .number(NumberLiteral(2)))))))
        #expect(expr.description == "-2 ^ 2")
        // Unary minus folds into a number literal when nothing binds tighter.
        #expect(try Parser.parse("-2 * 3") == .binary(BinaryExpr(op: .mul, lhs: .number(NumberLiteral(-2)), rhs: .number(NumberLiteral(3)))))
    }

    @Test func powerIsRightAssociative() throws {
        guard case .binary(let top) = try Parser.parse("a ^ b ^ c") else {
            Issue.record("not binary")
            return
        }
        #expect(top.lhs == .vectorSelector(VectorSelector(name: "a")))
        #expect(top.rhs == (try Parser.parse("b ^ c")))
    }

    @Test func postfixModifiersBindTightest() throws {
        #expect(throws: ParseError.self) { try Parser.parse("-a[5m]") }
        #expect(try Parser.parse("-a offset 5m") == .unary(UnaryExpr(op: .minus, expr: try Parser.parse("a offset 5m"))))
    }
}
