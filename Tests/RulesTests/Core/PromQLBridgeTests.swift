@testable import Rules
import Testing

/// Durations and query checks as the rule formats see them (through the PromQL module).
struct PromQLBridgeTests {
    @Test(arguments: [
        ("5m", 300_000), ("1h30m", 5_400_000), ("30d", 2_592_000_000), ("4w", 2_419_200_000),
        ("1y", 31_536_000_000), ("250ms", 250), ("0", 0), ("1d12h", 129_600_000),
    ] as [(String, Int64)])
    func parsesPrometheusDurations(text: String, milliseconds: Int64) {
        #expect(PromQLBridge.duration(text) == .milliseconds(milliseconds))
    }

    @Test(arguments: ["", "1.5h", "-5m", "5", "m", "30m1h", "1h1h", "5 m", "1hour", "+5m", "5M"])
    func rejectsEverythingElse(text: String) {
        #expect(PromQLBridge.duration(text) == nil)
    }

    @Test func formatsTheShortestText() {
        #expect(PromQLBridge.format(.seconds(30 * 86400)) == "30d")
        #expect(PromQLBridge.format(.seconds(28 * 86400)) == "4w")
        #expect(PromQLBridge.format(.seconds(5400)) == "1h30m")
        #expect(PromQLBridge.format(.zero) == "0s")
    }

    @Test func queryErrorsCarryLineAndColumnInsideTheQuery() throws {
        #expect(PromQLBridge.check("sum(rate(x[5m]))") == nil)
        let problem = try #require(PromQLBridge.check("sum(rate(x[5m])\n  / foo{a=~}"))
        #expect(problem.line == 2)
        #expect(problem.column > 1)
    }
}
