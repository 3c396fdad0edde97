import Testing
import PromQL

/// Canonical printing, round trips and idempotence.
@Suite struct PrinterTests {
    @Test(arguments: [
        (#"sum(rate(http_requests_total{code=~"5.."}[5m])) by (job)"#, #"sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))"#),
        ("x[90m]", "x[1h30m]"),
        ("x offset 1w2d", "x offset 9d"),
        ("x offset -60s", "x offset -1m"),
        ("x @ 1609746000", "x @ 1609746000.000"),
        ("x @ -1.5", "x @ -1.500"),
        ("x[5m:] offset 5m @ end()", "x[5m:] @ end() offset 5m"),
        ("x{b='1',a=\"2\"}", #"x{a="2",b="1"}"#),
        (#"x{a="\u00e9\t\"q\""}"#, #"x{a="é\t\"q\""}"#),
        ("'single'", #""single""#),
        ("1000000", "1e+06"),
        ("0.00001", "1e-05"),
        ("123456", "123456"),
        ("0x10", "16"),
        ("a+on(b)group_left c", "a + on (b) group_left () c"),
        ("a>bool b", "a > bool b"),
        ("sum without(a)(x)", "sum without (a) (x)"),
        ("sum by()(x)", "sum(x)"),
        ("topk(5,x)", "topk(5, x)"),
        ("-(a)", "-(a)"),
        ("- a ^ 2", "-a ^ 2"),
        ("a + ignoring() group_left() b", "a + ignoring () group_left () b"),
    ])
    func canonicalForm(text: String, printed: String) throws {
        #expect(try Parser.parse(text).description == printed)
    }

    static let corpus = [
        "a ^ (b ^ c)", "(a ^ b) ^ c", "-(2 ^ 2)", "(-2) ^ 2", "a - (b - c)", "--a", "- -1", "-0", "NaN", "-Inf",
        "1 > bool 2", "a and on () b", "a or b unless c", "rate(x[5m:1m] @ start() offset -5m)",
        "count_values(\"le\", x)", "quantile by (a) (0.99, x)", "label_join(x, \"a\", \",\", \"b\", \"c\")",
        "x{a=\"\\x01\\u00a0\"}", "offset offset 5m", "sum + by", "histogram_quantile(0.9, sum by (le) (rate(x[5m])))",
        "x @ 0.0005", "x @ 1e15", "1.7976931348623157e308", "5e-324", "0.1 + 0.2", "x[1y1ms]",
    ]

    @Test(arguments: corpus + Prometheus242Cases.all.map(\.query))
    func roundTripsAndIsIdempotent(text: String) throws {
        guard let expr = try? Parser.parse(text) else { return }
        let printed = expr.description
        let again = try Parser.parse(printed)
        #expect(again == expr, "\(text) printed as \(printed)")
        #expect(again.description == printed)
    }
}
