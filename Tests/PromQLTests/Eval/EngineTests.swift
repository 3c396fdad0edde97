import PromQL
import Storage
import Testing

/// Range queries, value types, the lookback setting and `@ start()`/`@ end()`, with hand-checked values.
@Suite struct EngineTests {
    static func reader() async -> MemorySampleReader {
        await EvalSupport.reader([
            (["__name__": "x", "job": "a"], [0, 10, 20, 30, 40]),
            (["__name__": "y"], [5]),
        ])
    }

    @Test func rangeQueryOfASelectorGivesOnePointPerStep() async throws {
        let value = try await Engine().rangeQuery(try Parser.parse("x"), start: 0, end: 120_000, step: 60_000, reader: await Self.reader())
        let expected = Series(labels: ["__name__": "x", "job": "a"], points: [Point(t: 0, v: 0), Point(t: 60_000, v: 10), Point(t: 120_000, v: 20)])
        #expect(value == .matrix([expected]))
    }

    @Test func rangeQueryOfAScalarIsOneSeriesWithoutLabels() async throws {
        let value = try await Engine().rangeQuery(try Parser.parse("time() * 2"), start: 0, end: 2000, step: 1000, reader: await Self.reader())
        #expect(value == .matrix([Series(labels: Labels(), points: [Point(t: 0, v: 0), Point(t: 1000, v: 2), Point(t: 2000, v: 4)])]))
    }

    @Test func rangeQueryRejectsARangeVector() async throws {
        let reader = await Self.reader()
        await #expect(throws: EvaluationError(.badData, "invalid expression type \"range vector\" for range query, must be Scalar or instant Vector")) {
            _ = try await Engine().rangeQuery(try Parser.parse("x[5m]"), start: 0, end: 60_000, step: 60_000, reader: reader)
        }
    }

    @Test func atStartAndEndReferToTheQueryRange() async throws {
        let reader = await Self.reader()
        let start = try await Engine().rangeQuery(try Parser.parse("x @ start()"), start: 60_000, end: 180_000, step: 60_000, reader: reader)
        let end = try await Engine().rangeQuery(try Parser.parse("x @ end()"), start: 60_000, end: 180_000, step: 60_000, reader: reader)
        guard case .matrix(let startSeries) = start, case .matrix(let endSeries) = end else {
            Issue.record("not a matrix")
            return
        }
        #expect(startSeries.first?.points.map(\.v) == [10, 10, 10])
        #expect(endSeries.first?.points.map(\.v) == [30, 30, 30])
    }

    @Test func lookbackDeltaIsConfigurableAndClosed() async throws {
        let reader = await Self.reader()
        // y's only sample is at 0: the default 5m lookback still sees it at exactly 5m, not after.
        #expect(EvalSupport.values(try await EvalSupport.instant("y", at: 300_000, reader)) == [["__name__": "y"]: 5])
        #expect(EvalSupport.values(try await EvalSupport.instant("y", at: 300_001, reader)).isEmpty)
        let short = Engine(lookbackDelta: PromDuration(milliseconds: 60_000))
        #expect(EvalSupport.values(try await EvalSupport.instant("y", at: 120_000, reader, engine: short)).isEmpty)
    }

    @Test func rangeSelectorWindowIsClosedAtBothEnds() async throws {
        let reader = await Self.reader()
        // [1m, 3m] holds the samples at 1m, 2m and 3m (3.x would drop the one at 1m).
        #expect(EvalSupport.values(try await EvalSupport.instant("count_over_time(x[2m])", at: 180_000, reader)) == [["job": "a"]: 3])
    }

    @Test func instantQueryOfARangeSelectorIsAMatrixAndOfAStringIsAString() async throws {
        let reader = await Self.reader()
        let matrix = try await EvalSupport.instant("x[1m]", at: 120_000, reader)
        #expect(matrix == .matrix([Series(labels: ["__name__": "x", "job": "a"], points: [Point(t: 60_000, v: 10), Point(t: 120_000, v: 20)])]))
        #expect(try await EvalSupport.instant("\"text\"", at: 5, reader) == .string(t: 5, "text"))
        #expect(try await EvalSupport.instant("1 + 2", at: 5, reader) == .scalar(t: 5, v: 3))
    }

    @Test func subqueryStepsAreAbsoluteMultiplesOfTheStep() async throws {
        let reader = await Self.reader()
        // Steps at 0, 2m and 4m inside [30s, 4m30s]: 2m and 4m, values 20 and 40.
        #expect(EvalSupport.values(try await EvalSupport.instant("count_over_time(x[4m:2m])", at: 270_000, reader)) == [["job": "a"]: 2])
        #expect(EvalSupport.values(try await EvalSupport.instant("sum_over_time(x[4m:2m])", at: 270_000, reader)) == [["job": "a"]: 60])
    }
}
