import RuleTests
import Storage
import Testing

@Suite struct SeriesNotationTests {
    @Test func stepsByRepeatedAddition() throws {
        #expect(try SeriesNotation.parse("1+2x3") == [1, 3, 5, 7])
        #expect(try SeriesNotation.parse("-1-1x2") == [-1, -2, -3])
    }

    @Test func repeatsGiveNPlusOneValues() throws {
        #expect(try SeriesNotation.parse("1x3") == [1, 1, 1, 1])
        #expect(try SeriesNotation.parse("0x29").count == 30)
    }

    @Test func blanksAndStale() throws {
        #expect(try SeriesNotation.parse("_x2 5 _") == [nil, nil, 5, nil])
        let values = try SeriesNotation.parse("1 stale")
        #expect(values.count == 2)
        #expect(values[1]?.bitPattern == ChunkSample.staleMarkerBits)
    }

    @Test func samplesSkipBlanks() throws {
        let samples = try SeriesNotation.samples("_x2 1+1x1", interval: 60_000)
        #expect(samples == [ChunkSample(t: 120_000, v: 1), ChunkSample(t: 180_000, v: 2)])
    }

    @Test func rejectsGarbage() {
        #expect(throws: RuleTestError.self) { try SeriesNotation.parse("abc") }
    }
}
