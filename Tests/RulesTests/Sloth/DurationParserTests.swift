@testable import Rules
import Testing

/// The Prometheus duration syntax used by Sloth windows and burnrate/v1 fields.
struct DurationParserTests {
    @Test(arguments: [
        ("5m", 300_000), ("1h30m", 5_400_000), ("30d", 2_592_000_000), ("4w", 2_419_200_000),
        ("1y", 31_536_000_000), ("250ms", 250), ("0", 0), ("1d12h", 129_600_000),
    ] as [(String, Int64)])
    func parsesPrometheusDurations(text: String, milliseconds: Int64) {
        #expect(DurationParser.parse(text) == .milliseconds(milliseconds))
    }

    @Test(arguments: ["", "1.5h", "-5m", "5", "m", "30m1h", "1h1h", "5 m", "1hour", "+5m", "5M"])
    func rejectsEverythingElse(text: String) {
        #expect(DurationParser.parse(text) == nil)
    }

    @Test func formatsTheShortestText() {
        #expect(DurationParser.format(.seconds(30 * 86400)) == "30d")
        #expect(DurationParser.format(.seconds(28 * 86400)) == "4w")
        #expect(DurationParser.format(.seconds(5400)) == "1h30m")
        #expect(DurationParser.format(.zero) == "0s")
    }
}
