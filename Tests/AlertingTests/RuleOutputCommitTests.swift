import Alerting
import Logging
import Rules
import Storage
import Testing

/// With an output commit interval, the scheduler lets rule output wait for later wake-ups, but
/// never longer than the interval, and never past a sleep that would make it older.
@Suite struct RuleOutputCommitTests {
    static let location = SourceLocation(file: "many.yml", line: 1, column: 1)

    /// A `MemorySampleReader` that counts commits.
    actor CommitCountingStore: RuleSampleStore {
        let store = MemorySampleReader()
        var commits = 0

        func appendRuleOutput(_ series: [LabeledSample]) async throws(StorageError) {
            await store.appendRuleOutput(series)
        }
        func commitRuleOutput() async throws(StorageError) { commits += 1 }
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

    /// 40 groups of one rule each, spread over a 60-second interval.
    static let ruleSet = RuleSet(groups: (0..<40).map { index in
        RuleGroup(
            name: "g\(index)", interval: .seconds(60),
            rules: [.recording(RecordingRule(record: "g\(index)_evaluated", expr: "vector(1)", location: location))],
            file: "many.yml", location: location)
    })

    /// Drives the scheduler wake-up by wake-up for 3 minutes; returns, per wake-up, its time, the
    /// next one's, whether groups ran and whether it committed.
    static func run(interval: Duration) async -> [(now: Int64, next: Int64, ran: Bool, committed: Bool)] {
        let store = CommitCountingStore()
        let scheduler = RuleScheduler(
            store: store, stateStore: MemoryAlertStateStore(), settings: .init(outputCommitInterval: interval), logger: Logger(label: "test"))
        await scheduler.apply(ruleSet)
        var now = await scheduler.tick(now: 1_000_000)
        var wakeUps: [(now: Int64, next: Int64, ran: Bool, committed: Bool)] = []
        while now <= 1_180_000 {
            let before = await store.commits
            let next = await scheduler.tick(now: now)
            let ran = await scheduler.status().contains { $0.lastEvaluation == now }
            wakeUps.append((now, next, ran, await store.commits > before))
            now = next
        }
        return wakeUps
    }

    @Test func withoutAnIntervalEveryWakeUpCommits() async {
        let wakeUps = await Self.run(interval: .zero)
        #expect(wakeUps.count > 100)
        #expect(wakeUps.allSatisfy { $0.ran && $0.committed })
    }

    @Test func withAnIntervalOutputWaitsAtMostThatLong() async {
        let wakeUps = await Self.run(interval: .seconds(5))
        var oldest: Int64?
        for wakeUp in wakeUps {
            #expect(wakeUp.ran)
            if oldest == nil { oldest = wakeUp.now }
            let mustCommit = wakeUp.now - oldest! >= 5_000 || wakeUp.next - wakeUp.now >= 5_000
            // Committed exactly when the output would otherwise grow older than the interval.
            #expect(wakeUp.committed == mustCommit, "wake-up at \(wakeUp.now), oldest output at \(oldest!), next at \(wakeUp.next)")
            if wakeUp.committed { oldest = nil }
        }
        let commits = wakeUps.filter(\.committed).count
        #expect(commits > 0 && commits < wakeUps.count / 2, "\(commits) commits in \(wakeUps.count) wake-ups")
    }
}
