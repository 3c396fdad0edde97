import Alerting
import Logging
import Rules
import Storage
import Testing

/// The evaluator hands the store its references to the series a rule wrote last time when the
/// rule writes the same label sets again, and none for a rule whose series changed; the output
/// is the same either way (the differential tests compare it with the reference loop).
@Suite struct RuleOutputRefsTests {
    static let location = SourceLocation(file: "rules.yml", line: 1, column: 1)

    /// A `SampleStore` that counts the references it is given.
    actor CountingStore: RuleSampleStore {
        let store: SampleStore
        var given: [Int] = []
        init(_ store: SampleStore) { self.store = store }

        func appendRuleOutput(_ series: [LabeledSample]) async throws(StorageError) {
            try await store.appendRuleOutput(series)
        }
        func appendRuleOutput(_ series: [LabeledSample], refs: inout [SeriesRef?]) async throws(StorageError) {
            given.append(refs.compactMap { $0 }.count)
            try await store.appendRuleOutput(series, refs: &refs)
        }
        func commitRuleOutput() async throws(StorageError) { try await store.commitRuleOutput() }
        func select(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [SeriesSamples] {
            try await store.select(matchers: matchers, start: start, end: end)
        }
        func selectLatest(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> LatestSamples {
            try await store.selectLatest(matchers: matchers, start: start, end: end)
        }
        func selectSummarised(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [SummarisedSeries] {
            try await store.selectSummarised(matchers: matchers, start: start, end: end)
        }
        func seriesLabels(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [Labels] {
            try await store.seriesLabels(matchers: matchers, start: start, end: end)
        }
        func labelNames(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [String] {
            try await store.labelNames(matchers: matchers, start: start, end: end)
        }
        func labelValues(name: String, matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [String] {
            try await store.labelValues(name: name, matchers: matchers, start: start, end: end)
        }
    }

    @Test func referencesAreGivenForSeriesWrittenAgain() async throws {
        let store = try await SampleStore.open(database: try BurnrateDatabase.inMemory(), logger: Logger(label: "test"))
        // Two jobs, the second appearing only from the third evaluation on.
        for step in 0..<20 {
            let t = Int64(step) * 60_000
            _ = try await store.append(AppendBatch(series: [
                AppendBatch.Series(labels: ["__name__": "up", "job": "a"], samples: [ChunkSample(t: t, v: 1)]),
            ] + (step >= 2 ? [AppendBatch.Series(labels: ["__name__": "up", "job": "b"], samples: [ChunkSample(t: t, v: 1)])] : [])))
        }
        let group = RuleGroup(
            name: "g", rules: [.recording(RecordingRule(record: "job:up", expr: "sum by (job) (up)", location: Self.location))],
            file: "rules.yml", location: Self.location)
        var evaluator = try RuleGroupEvaluator(group: group)
        let counting = CountingStore(store)
        for step in 0..<4 {
            let evaluation = await evaluator.evaluate(at: Int64(step) * 60_000, store: counting)
            #expect(evaluation.errors.isEmpty)
        }
        // First time none; then job a's; at the third job b is new (the label sets changed: none);
        // at the fourth both.
        #expect(await counting.given == [0, 1, 0, 2])
        let recorded = try await store.select(matchers: [.metricName("job:up")], start: 0, end: .max)
        #expect(recorded.map { $0.samples.count } == [4, 2])
    }
}
