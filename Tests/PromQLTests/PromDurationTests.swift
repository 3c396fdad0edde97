import Testing
import PromQL

@Suite struct PromDurationTests {
    @Test(arguments: [
        ("5m", Int64(300_000), "5m"), ("1h30m", 5_400_000, "1h30m"), ("30d", 2_592_000_000, "30d"),
        ("1500ms", 1500, "1s500ms"), ("2w", 1_209_600_000, "2w"), ("1y", 31_536_000_000, "1y"),
        ("90d", 7_776_000_000, "90d"), ("60m", 3_600_000, "1h"), ("0", 0, "0s"), ("1y5w", 34_560_000_000, "400d"),
    ])
    func parsesAndPrints(text: String, milliseconds: Int64, printed: String) throws {
        let duration = try PromDuration(parsing: text)
        #expect(duration.milliseconds == milliseconds)
        #expect(duration.description == printed)
        #expect(try PromDuration(parsing: printed) == duration)
    }

    @Test(arguments: [
        ("1.5h", "not a valid duration string: \"1.5h\""), ("30m1h", "not a valid duration string: \"30m1h\""),
        ("5", "not a valid duration string: \"5\""), ("", "empty duration string"), ("h", "not a valid duration string: \"h\""),
        ("1h1h", "not a valid duration string: \"1h1h\""), ("999999999999y", "duration out of range"),
    ])
    func rejects(text: String, message: String) {
        #expect(throws: ParseError(message: message, offset: 0, line: 1, column: 1)) { try PromDuration(parsing: text) }
    }

    @Test func negativeAndConversions() {
        #expect(PromDuration(milliseconds: -90_000).description == "-1m30s")
        #expect(PromDuration(seconds: 90).seconds == 90)
        #expect(PromDuration(seconds: 2).duration == .seconds(2))
        #expect(PromDuration(seconds: 1) < PromDuration(seconds: 2))
    }
}
