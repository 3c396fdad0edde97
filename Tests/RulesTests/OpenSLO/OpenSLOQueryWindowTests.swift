import Testing
@testable import Rules

/// How a window is applied to OpenSLO queries that have none.
@Suite("OpenSLO query windows")
struct OpenSLOQueryWindowTests {
    private let here = SourceLocation(file: "f", line: 1, column: 1)

    private func windowed(_ text: String, _ counting: OpenSLOQueryWindow.Counting = .counter) -> String? {
        OpenSLOQueryWindow.windowed(QueryTemplate(text, at: here), counting: counting)?.text
    }

    @Test("plain and summed selectors get the range function around the selector", arguments: [
        ("up", "increase(up[{{.window}}])"),
        ("  x{a=\"}\"}\n", "  increase(x{a=\"}\"}[{{.window}}])\n"),
        ("{__name__=\"x\"}", "increase({__name__=\"x\"}[{{.window}}])"),
        ("sum(x{a=\"b\"})", "sum(increase(x{a=\"b\"}[{{.window}}]))"),
        ("sum by (model, code) (x)", "sum by (model, code) (increase(x[{{.window}}]))"),
        ("sum(x) without (pod)", "sum(increase(x[{{.window}}])) without (pod)"),
    ])
    func wraps(query: String, expected: String) {
        #expect(windowed(query) == expected)
    }

    @Test("queries with {{.window}} are kept as written")
    func keeps() {
        #expect(windowed("sum(rate(x[{{ .window }}]))") == "sum(rate(x[{{ .window }}]))")
    }

    @Test("anything else has no window", arguments: ["sum(rate(x[5m]))", "x / y", "avg(x)", "sum(x) + 1", "x offset 5m", "sum(x"])
    func refuses(query: String) {
        #expect(windowed(query) == nil)
    }
}
