import Logging
@testable import PromQL
import Storage
import TestSupport
import Testing

/// Expressions evaluated as numbers (`LabelFreePlan`: sums of range functions, constant vectors,
/// arithmetic and comparisons between them) against the general evaluator, on the random series of
/// `SummaryDifferentialTests` (counters with resets, NaN, infinities, stale markers, gaps): the
/// same bits at every time, and the plan used only for the shapes it covers.
@Suite struct LabelFreePlanTests {
    typealias Random = SplitMix64

    /// Shapes that have a plan; empty selections, offsets, `bool`, numbers on either side.
    static let planned = [
        "sum(rate(x[5m]))",
        "(sum(rate(x{kind=\"0\"}[1h])))\n/\n(sum(rate(x[1h])))\n",
        "1 - (sum(increase(x{kind=\"1\"}[17m])) / sum(increase(x[17m])))",
        "sum(delta(x{kind=\"2\"}[90s])) > 0",
        "sum(delta(x[90s])) > bool 0",
        "0.5 < sum(resets(x[1h]))",
        "2 * sum(changes(x[1m])) - sum(count_over_time(x[1m]))",
        "sum(max_over_time(x[31s])) - sum(min_over_time(x[31s]))",
        "sum(count_over_time(x{series=\"9\"}[5m]))",
        "sum(rate(x[5m])) / sum(rate(x{series=\"9\"}[5m]))",
        "sum(rate(x[5m] offset 10m)) / sum(rate(x[5m]))",
        "sum(last_over_time(x[1m])) >= sum(last_over_time(x{kind=\"0\"}[1m]))",
        "sum(present_over_time(x[15s])) % 4",
        "sum(rate(x[5m])) atan2 sum(rate(x[1m]))",
        "sum(rate(x{kind=\"1\"}[1m])) ^ 2 != bool 4",
        "sum(increase(x{kind=\"0\"}[5m])) / 0",
        "vector(0.999)",
        "vector(1-0.999)",
        "vector((2 ^ 3) % 5 > bool 1)",
        "sum(rate(x[5m])) / vector(1 - 0.99) > vector(2)",
    ]

    /// Shapes the general evaluator keeps: grouping, a selector without a fixed name, matching
    /// clauses, set operators, `@`, other aggregations and functions, scalars.
    static let unplanned = [
        "sum by (kind) (rate(x[5m]))",
        "sum without (series) (rate(x[5m]))",
        "sum(rate({__name__=~\"x\"}[5m]))",
        "sum(rate(x[5m])) / on() sum(rate(x[5m]))",
        "sum(rate(x[5m])) and sum(rate(x[1m]))",
        "sum(rate(x[5m] @ 100))",
        "avg(rate(x[5m]))",
        "sum(sum_over_time(x[5m]))",
        "sum(rate(x[5m])) + vector(time())",
        "vector(scalar(x))",
        "5",
        "1 + 2",
        "rate(x[5m])",
    ]

    @Test(arguments: [UInt64(1), 2, 3])
    func plannedExpressionsGiveTheGeneralEvaluatorsBits(seed: UInt64) async throws {
        let (reader, timestamps) = await SummaryDifferentialTests.reader(seed: seed)
        var random = Random(seed: seed &* 13)
        var observed = Engine()
        observed.observedChange = true
        var values = 0
        for query in Self.planned {
            let expr = try Parser.parse(query)
            let prepared = PreparedQuery(expr)
            #expect(prepared.plan != nil, "\(query) has a plan")
            for t in SummaryDifferentialTests.times(timestamps, range: 300_000, random: &random) {
                for engine in [Engine(), observed] {
                    let planned = try await engine.instantQuery(prepared, at: t, reader: reader)
                    let general = try await engine.instantQuery(expr, at: t, reader: reader)
                    #expect(SummaryDifferentialTests.bits(planned) == SummaryDifferentialTests.bits(general), "\(query) at \(t)")
                    if case .vector(let samples) = general { values += samples.count }
                }
            }
        }
        // Most evaluations have a value; some are empty (no series, a comparison dropping it).
        #expect(values > 500)
    }

    /// The plans' reads made ahead for all of them at once (`PlanReadSet`, one `accumulate` per
    /// selector), in the default of `SampleReader` (memory) and in `SampleStore` (its own, one
    /// pass over each series): the same bits as the general evaluator, whatever the engine.
    @Test(arguments: [UInt64(4), 5])
    func readAheadGivesTheGeneralEvaluatorsBits(seed: UInt64) async throws {
        let (memory, timestamps) = await SummaryDifferentialTests.reader(seed: seed)
        let (series, _) = SummaryDifferentialTests.series(seed: seed)
        let configuration = SampleStoreConfiguration(samplesPerChunk: 7, recentChunkSpan: 3_600_000)
        let store = try await SampleStore.open(database: try BurnrateDatabase.inMemory(), configuration: configuration, logger: Logger(label: "test"))
        for (labels, samples) in series {
            for start in stride(from: 0, to: samples.count, by: 50) {
                var batch = AppendBatch(policy: .acceptValid)
                batch.append(labels, Array(samples[start..<min(samples.count, start + 50)]))
                _ = try await store.append(batch)
            }
        }
        var random = Random(seed: seed &* 17)
        var observed = Engine()
        observed.observedChange = true
        let exprs = try Self.planned.map { try Parser.parse($0) }
        // A query without a plan among them keeps its position.
        let queries: [PreparedQuery?] = exprs.map { PreparedQuery($0) } + [nil] + [PreparedQuery(try Parser.parse("sum(rate(x[1h]))"))]
        let set = PlanReadSet(queries)
        #expect(!set.isEmpty)
        var values = 0
        for t in SummaryDifferentialTests.times(timestamps, range: 3_600_000, random: &random) {
            for engine in [Engine(), observed] {
                for reader in [memory, store] as [any SampleReader] {
                    let ahead = try await engine.readAhead(set, at: t, reader: reader)
                    for (position, query) in queries.enumerated() {
                        guard let query else { continue }
                        let planned = try await engine.instantQuery(query, at: t, reader: reader, readAhead: (ahead, position))
                        let general = try await engine.instantQuery(query.expr, at: t, reader: reader)
                        #expect(SummaryDifferentialTests.bits(planned) == SummaryDifferentialTests.bits(general), "\(query.expr) at \(t)")
                        if case .vector(let samples) = general { values += samples.count }
                    }
                }
            }
        }
        #expect(values > 500)
    }

    @Test func otherShapesHaveNoPlan() throws {
        for query in Self.unplanned {
            #expect(PreparedQuery(try Parser.parse(query)).plan == nil, "\(query)")
        }
    }

    @Test func aComparisonKeepsTheVectorsValueOnEitherSide() async throws {
        let reader = MemorySampleReader()
        await reader.add(["__name__": "c"], [ChunkSample(t: 0, v: 0), ChunkSample(t: 60_000, v: 60)])
        let cases: [(String, Double?)] = [
            ("sum(increase(c[1m])) > 1", 60), ("100 > sum(increase(c[1m]))", 60), ("1 > sum(increase(c[1m]))", nil),
            ("sum(increase(c[1m])) < bool 1", 0), ("sum(rate(c[1m])) * 60 / sum(increase(c[1m]))", 1),
        ]
        for (query, expected) in cases {
            let prepared = PreparedQuery(try Parser.parse(query))
            #expect(prepared.plan != nil, "\(query)")
            guard case .vector(let samples) = try await Engine().instantQuery(prepared, at: 60_000, reader: reader) else {
                Issue.record("\(query) is not a vector")
                continue
            }
            #expect(samples.map(\.v) == (expected.map { [$0] } ?? []), "\(query)")
            #expect(samples.allSatisfy { $0.labels.isEmpty && $0.t == 60_000 }, "\(query)")
        }
    }
}
