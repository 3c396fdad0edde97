import PromQL

/// Compares PromQL expressions semantically: both are parsed and printed by our parser and
/// printer; the printed texts must match with every number literal blanked, and the numbers
/// must agree within a relative tolerance (Go's `%g` spelling of `99.9 / 100` and friends).
enum ExprComparison {
    /// Nil when equivalent, else why not.
    static func difference(_ actual: String, _ expected: String, tolerance: Double = 1e-9) -> String? {
        let parsedActual: Expr
        let parsedExpected: Expr
        do { parsedActual = try Parser.parse(actual) } catch { return "ours does not parse: \(error.message)\n\(actual)" }
        do { parsedExpected = try Parser.parse(expected) } catch { return "expected does not parse: \(error.message)\n\(expected)" }
        var actualNumbers: [Double] = []
        var expectedNumbers: [Double] = []
        let actualShape = blanked(parsedActual, numbers: &actualNumbers).description
        let expectedShape = blanked(parsedExpected, numbers: &expectedNumbers).description
        guard actualShape == expectedShape else {
            return "expressions differ:\n  ours:     \(parsedActual)\n  expected: \(parsedExpected)"
        }
        for (ours, theirs) in zip(actualNumbers, expectedNumbers) where !close(ours, theirs, tolerance) {
            return "numbers differ: \(ours) vs \(theirs) in\n  ours:     \(parsedActual)\n  expected: \(parsedExpected)"
        }
        return nil
    }

    /// True when both print identically (numbers included).
    static func identical(_ actual: String, _ expected: String) -> Bool {
        guard let lhs = try? Parser.parse(actual), let rhs = try? Parser.parse(expected) else { return false }
        return lhs.description == rhs.description
    }

    private static func close(_ lhs: Double, _ rhs: Double, _ tolerance: Double) -> Bool {
        lhs == rhs || abs(lhs - rhs) <= tolerance * max(1, abs(lhs), abs(rhs))
    }

    /// The expression with every number literal replaced by 0, its numbers collected in order.
    private static func blanked(_ expr: Expr, numbers: inout [Double]) -> Expr {
        switch expr {
        case .number(let literal):
            numbers.append(literal.value)
            return .number(NumberLiteral(0))
        case .string, .vectorSelector, .matrixSelector:
            return expr
        case .subquery(var subquery):
            subquery.expr = blanked(subquery.expr, numbers: &numbers)
            return .subquery(subquery)
        case .call(var call):
            call.arguments = call.arguments.map { blanked($0, numbers: &numbers) }
            return .call(call)
        case .aggregation(var aggregation):
            aggregation.parameter = aggregation.parameter.map { blanked($0, numbers: &numbers) }
            aggregation.expr = blanked(aggregation.expr, numbers: &numbers)
            return .aggregation(aggregation)
        case .binary(var binary):
            binary.lhs = blanked(binary.lhs, numbers: &numbers)
            binary.rhs = blanked(binary.rhs, numbers: &numbers)
            return .binary(binary)
        case .unary(var unary):
            unary.expr = blanked(unary.expr, numbers: &numbers)
            return .unary(unary)
        case .paren(let inner):
            return .paren(blanked(inner, numbers: &numbers))
        }
    }
}
