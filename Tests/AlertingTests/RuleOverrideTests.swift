import Alerting
import PromQL
import Rules
import Storage
import Testing

@Suite struct RuleOverrideTests {
    static let location = SourceLocation(file: "slo.yml", line: 1, column: 1)

    @Test func anOverrideEngineAndADynamicExpressionReplaceTheWrittenOnes() async throws {
        let store = MemorySampleReader()
        // A counter growing by 1 every 15 s.
        await store.add(["__name__": "requests_total"], (0...100).map { ChunkSample(t: Int64($0) * 15_000, v: Double($0)) })
        let group = RuleGroup(
            name: "g",
            rules: [
                .recording(RecordingRule(record: "extrapolated", expr: "increase(requests_total[10m])", location: Self.location)),
                .recording(RecordingRule(record: "observed", expr: "increase(requests_total[10m])", location: Self.location)),
                .recording(RecordingRule(record: "to_date", expr: "vector(0)", location: Self.location)),
            ],
            file: "slo.yml", location: Self.location)
        var observed = Engine()
        observed.observedChange = true
        // Window from t = 300 s (a "period start") to the evaluation time; nothing after 1,500 s.
        let toDate: @Sendable (Int64) -> Expr? = { time in
            guard time < 1_500_000 else { return nil }
            return try? Parser.parse("increase(requests_total[\(time - 300_000)ms])")
        }
        var evaluator = try RuleGroupEvaluator(
            group: group, overrides: [1: RuleOverride(engine: observed), 2: RuleOverride(engine: observed, expression: toDate)])
        var evaluation = await evaluator.evaluate(at: 1_207_000, store: store)
        let values = Dictionary(uniqueKeysWithValues: evaluation.samples.map { ($0.labels.metricName ?? "", $0.v) })
        // 40 samples in [607 s, 1207 s]: 39 steps observed; Prometheus extrapolates to the 600 s window: 40.
        #expect(values["observed"] == 39)
        #expect(values["extrapolated"] == 40)
        // [300 s, 1207 s]: 61 samples, 60 steps.
        #expect(values["to_date"] == 60)

        evaluation = await evaluator.evaluate(at: 1_600_000, store: store)
        #expect(evaluation.errors.isEmpty)
        #expect(!evaluation.samples.contains { $0.labels.metricName == "to_date" })
        // The series the dynamic rule stopped producing got a stale marker.
        let written = try await store.select(matchers: [try SeriesMatcher("__name__", .equal, "to_date")], start: 0, end: 2_000_000)
        #expect(written.first?.samples.last?.isStaleMarker == true)
    }
}
