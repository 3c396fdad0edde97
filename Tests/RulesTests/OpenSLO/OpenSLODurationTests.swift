import Testing
@testable import Rules

/// OpenSLO's duration shorthand.
@Suite("OpenSLO duration shorthand")
struct OpenSLODurationTests {
    @Test("units are case-sensitive: m minutes, M months", arguments: [
        ("5m", 300), ("2h", 7200), ("1d", 86_400), ("2w", 1_209_600), ("1M", 2_592_000), ("1Q", 7_776_000), ("1Y", 31_536_000),
    ])
    func parses(text: String, seconds: Int64) throws {
        let duration = try #require(OpenSLODuration(text))
        #expect(duration.duration == .seconds(seconds))
        #expect(duration.description == text)
    }

    @Test("anything else is rejected", arguments: ["", "m", "30", "30s", "1.5h", "-1d", "1 d", "1D", "d1"])
    func rejects(text: String) {
        #expect(OpenSLODuration(text) == nil)
    }

    @Test("calendar units are one day, week, month, quarter or year")
    func calendar() {
        #expect(OpenSLODuration("1M")?.calendarUnit == .month)
        #expect(OpenSLODuration("1w")?.calendarUnit == .week)
        #expect(OpenSLODuration("2M")?.calendarUnit == nil)
        #expect(OpenSLODuration("1m")?.calendarUnit == nil)
    }
}
