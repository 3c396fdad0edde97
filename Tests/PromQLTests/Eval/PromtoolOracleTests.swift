import Foundation
import PromQL
import Storage
import Testing

/// One query with the answer Prometheus 2.42's promtool gave: samples (labels and value bits) or an error.
struct OracleCase: Sendable, CustomTestStringConvertible {
    var expr: String
    var time: Int64
    var expected: [(labels: Labels, bits: UInt64)]
    var error: String?

    init(_ expr: String, at time: Int64, _ expected: [(Labels, UInt64)]) {
        self.expr = expr
        self.time = time
        self.expected = expected.map { (labels: $0.0, bits: $0.1) }
        self.error = nil
    }

    init(_ expr: String, at time: Int64, error: String) {
        self.expr = expr
        self.time = time
        self.expected = []
        self.error = error
    }

    var testDescription: String { "\(expr) at \(time / 1000)s" }
}

/// Function, aggregation, operator and modifier cases whose expectations promtool 2.42 printed
/// (`promtool test rules` on a file built from the same series); values compare by bit pattern,
/// NaN by being NaN, with two exceptions: trigonometric functions call the C library, whose
/// result can differ from Go's in the last bit (1 ulp allowed), and aggregations across series
/// fold in an order promtool randomises (1e-12 relative allowed, as the shared cases' README
/// says). The pair of series quoted in a many-to-many error also follows that order, so only the
/// rest of the message is compared. The generated tables live in `PromtoolOracleTests+*.swift`.
@Suite struct PromtoolOracleTests {
    static let trigonometric = ["sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh"]
    static let acrossSeries = ["sum", "avg", "stddev", "stdvar", "quantile("]

    static func check(_ oracle: OracleCase, _ series: [(Labels, [Double?])]) async throws {
        let reader = await EvalSupport.reader(series)
        if let message = oracle.error {
            let error = await #expect(throws: EvaluationError.self) {
                _ = try await EvalSupport.instant(oracle.expr, at: oracle.time, reader)
            }
            #expect(error?.code == .execution)
            if let pair = message.range(of: ": ["), let end = message.range(of: "];") {
                #expect(error?.message.hasPrefix(String(message[..<pair.upperBound])) == true, "\(error?.message ?? "")")
                #expect(error?.message.hasSuffix(String(message[end.lowerBound...])) == true, "\(error?.message ?? "")")
            } else {
                #expect(error?.message == message)
            }
            return
        }
        let actual = EvalSupport.samples(try await EvalSupport.instant(oracle.expr, at: oracle.time, reader))
        let expected = oracle.expected.sorted { $0.labels < $1.labels }
        #expect(actual.map(\.labels) == expected.map(\.labels))
        for (got, want) in zip(actual, expected) {
            let wanted = Double(bitPattern: want.bits)
            var same = got.v.bitPattern == want.bits || (got.v.isNaN && wanted.isNaN)
            if !same && trigonometric.contains(where: { oracle.expr.hasPrefix($0 + "(") }) {
                same = got.v.nextUp == wanted || got.v.nextDown == wanted
            }
            if !same && acrossSeries.contains(where: { oracle.expr.hasPrefix($0) }) {
                same = abs(got.v - wanted) <= 1e-12 * abs(wanted)
            }
            #expect(same, "\(got.labels): got \(got.v) (0x\(String(got.v.bitPattern, radix: 16))), promtool \(wanted)")
        }
    }

    @Test("functions, aggregations, operators and modifiers agree with promtool", arguments: basicCases)
    func basic(_ oracle: OracleCase) async throws {
        try await Self.check(oracle, Self.basicSeries)
    }
}
