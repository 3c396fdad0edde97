import Alerting
import Benchmark
import Logging
import PromQL
import Rules
import SLO
import Storage

/// The SLO evaluation tick (issue 5's target: 1,000 SLOs, each with 8 windows and its period
/// budget, over 30 days of 15-second data, one complete tick in at most 100 ms on one core).
///
/// Each SLO is a Sloth-style events SLI over its own two counters,
/// `requests_total{slo="<i>", code="200"|"500"}`, 30 days every 15 s, held as encoded 120-sample
/// chunks with summaries and rollups (`ChunkedSampleReader`, as `SampleStore` keeps sealed
/// chunks); at each tick the chunk its time falls in is read as the store's head would give it
/// (its samples up to the tick), as a store that has received nothing later holds it. A tick evaluates every group `SLOCompiler` makes of the SLOs (SLI ratios over 5m …
/// 3d and the exact 30-day period, Sloth's meta series, the page and ticket alerts), writing the
/// output to a `SampleStore` (in-memory SQLite) as the service does.
///
/// Each tick evaluates one rule interval (60 s) after the one before, as the scheduler does, so
/// its output is new samples (written to the WAL and the heads, not found again as duplicates)
/// and its windows move over the data (edge chunks change as in the service). The counters run
/// `SLOTick.horizon` past the first tick's time, so the windows always end inside the data.
final class SLOBenchStore: RuleSampleStore {
    let inputs: [String: ChunkedSampleReader]
    let outputs: SampleStore

    init(inputs: [String: ChunkedSampleReader], outputs: SampleStore) {
        self.inputs = inputs
        self.outputs = outputs
    }

    /// The series index: a selector with `slo="<i>"` reads that SLO's counters, any other the
    /// rule output.
    private func input(_ matchers: [SeriesMatcher]) -> ChunkedSampleReader? {
        for matcher in matchers where matcher.name == "slo" {
            if let reader = inputs[matcher.value] { return reader }
        }
        return nil
    }

    func select(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [SeriesSamples] {
        if let reader = input(matchers) { return try reader.select(matchers: matchers, start: start, end: end) }
        return try await outputs.select(matchers: matchers, start: start, end: end)
    }

    func selectLatest(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> LatestSamples {
        if let reader = input(matchers) { return try await reader.selectLatest(matchers: matchers, start: start, end: end) }
        return try await outputs.selectLatest(matchers: matchers, start: start, end: end)
    }

    func selectSummarised(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [SummarisedSeries] {
        if let reader = input(matchers) { return try reader.selectSummarised(matchers: matchers, start: start, end: end) }
        return try await outputs.selectSummarised(matchers: matchers, start: start, end: end)
    }

    func accumulate(matchers: [SeriesMatcher], end: Int64, ranges: [Int64]) async throws(StorageError) -> [SeriesWindows] {
        if let reader = input(matchers) { return try await reader.accumulate(matchers: matchers, end: end, ranges: ranges) }
        return try await outputs.accumulate(matchers: matchers, end: end, ranges: ranges)
    }

    /// Selections of one SLO's counters are read together, as the store reads them.
    func accumulate(_ selections: [WindowSelection]) async throws(StorageError) -> [[SeriesWindows]] {
        let readers = selections.map { input($0.matchers) }
        if let reader = readers.first ?? nil, readers.allSatisfy({ $0 === reader }) { return try await reader.accumulate(selections) }
        var result: [[SeriesWindows]] = []
        for selection in selections {
            result.append(try await accumulate(matchers: selection.matchers, end: selection.end, ranges: selection.ranges))
        }
        return result
    }

    func seriesLabels(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [Labels] {
        try await outputs.seriesLabels(matchers: matchers, start: start, end: end)
    }

    func labelNames(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [String] {
        try await outputs.labelNames(matchers: matchers, start: start, end: end)
    }

    func labelValues(name: String, matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [String] {
        try await outputs.labelValues(name: name, matchers: matchers, start: start, end: end)
    }

    func appendRuleOutput(_ series: [LabeledSample]) async throws(StorageError) {
        try await outputs.appendRuleOutput(series)
    }

    func appendRuleOutput(_ series: [LabeledSample], refs: inout [SeriesRef?]) async throws(StorageError) {
        try await outputs.appendRuleOutput(series, refs: &refs)
    }

    func commitRuleOutput() async throws(StorageError) {
        try await outputs.commitRuleOutput()
    }
}

/// The SLOs' groups and their evaluators; `tick` evaluates them all once, on the executor of
/// the output store, as `RuleScheduler` runs on the `SampleStore`'s.
actor SLOTick {
    /// The time between ticks: the rule interval.
    static let interval: Int64 = 60_000
    /// How far the counters run past the first tick: room for 360 ticks.
    static let horizon: Int64 = 6 * 3_600_000

    private var evaluators: [RuleGroupEvaluator]
    let store: SLOBenchStore
    /// The time of the next tick.
    private(set) var time: Int64
    /// The last time the counters cover.
    let dataEnd: Int64

    nonisolated var unownedExecutor: UnownedSerialExecutor { store.outputs.unownedExecutor }

    init(evaluators: [RuleGroupEvaluator], store: SLOBenchStore, start: Int64, dataEnd: Int64) {
        self.evaluators = evaluators
        self.store = store
        self.time = start
        self.dataEnd = dataEnd
    }

    /// One complete tick, one interval after the last, its output committed as the scheduler
    /// does after a wake-up; returns the number of failed rules. Every tick past the data counts
    /// as failed, so a run longer than the data cannot go unnoticed.
    func tick() async -> Int {
        guard time <= dataEnd else { return 1 }
        var failures = 0
        for index in evaluators.indices {
            var evaluator = evaluators[index]
            failures += await evaluator.evaluate(at: time, store: store).errors.count
            evaluators[index] = evaluator
        }
        time += Self.interval
        do {
            try await store.commitRuleOutput()
        } catch {
            failures += 1
        }
        return failures
    }

    var groupCount: Int { evaluators.count }

    /// `count` SLOs over `days` of 15-second data ending at `end`, the first tick's time (and
    /// going on for `horizon`, for the later ticks).
    static func make(count: Int, days: Int, end: Int64) async throws -> SLOTick {
        let samples = days * 86_400 / 15 + Int(horizon / 15_000)
        let start = end - Int64(days * 86_400 / 15 - 1) * 15_000
        var inputs: [String: ChunkedSampleReader] = [:]
        var yaml = "version: \"burnrate/v1\"\nservice: \"bench\"\nslos:\n"
        for index in 0..<count {
            let slo = String(index)
            // About 50 requests per scrape, 0.05% to 0.5% of them failing, varying by hour.
            var total = 0.0
            var errors = 0.0
            var state = UInt64(index) &+ 1
            let ok = try ChunkedSampleReader.stored(
                Labels(["__name__": "requests_total", "code": "200", "slo": slo]), start: start, step: 15_000, count: samples
            ) { scrape in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                total += Double(40 + (state >> 33) % 20)
                return total
            }
            state = UInt64(index) &+ 7
            let failed = try ChunkedSampleReader.stored(
                Labels(["__name__": "requests_total", "code": "500", "slo": slo]), start: start, step: 15_000, count: samples
            ) { scrape in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                if (state >> 33) % 100 < UInt64(1 + scrape / 240 % 10) { errors += 1 }
                return errors
            }
            inputs[slo] = ChunkedSampleReader(series: [ok, failed])
            yaml += """
                  - name: "slo-\(index)"
                    objective: 99.9
                    sli:
                      events:
                        error_query: sum(rate(requests_total{slo="\(slo)",code="500"}[{{.window}}]))
                        total_query: sum(rate(requests_total{slo="\(slo)"}[{{.window}}]))
                    alerting:
                      name: BenchErrors
                      page_alert: {labels: {severity: page}}
                      ticket_alert: {labels: {severity: ticket}}

                """
        }
        let loaded = RuleLoader().load(files: [RuleFile(path: "bench.yml", contents: yaml)])
        guard loaded.isValid else { throw BenchmarkSetupError(loaded.errors.map(\.description).joined(separator: "\n")) }
        let compiled = SLOCompiler(ruleSet: loaded.ruleSet).groups(for: loaded.ruleSet.slos)
        guard compiled.problems.isEmpty else { throw BenchmarkSetupError(compiled.problems.map(\.description).joined(separator: "\n")) }
        let evaluators = try compiled.groups.map { try RuleGroupEvaluator(group: $0.group, overrides: $0.overrides) }
        let outputs = try await SampleStore.open(database: try BurnrateDatabase.inMemory(), logger: Logger(label: "bench"))
        let tick = SLOTick(
            evaluators: evaluators, store: SLOBenchStore(inputs: inputs, outputs: outputs), start: end, dataEnd: end + horizon)
        // The first tick creates the output series; the measured ones are steady state.
        let failures = await tick.tick()
        guard failures == 0 else { throw BenchmarkSetupError("\(failures) rules failed in the first tick") }
        return tick
    }
}

struct BenchmarkSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Built on first use, so other benchmarks never pay for them.
enum SLOFixture {
    static let end: Int64 = 1_750_000_000_000
    static let ticks = TickCache()

    actor TickCache {
        private var built: [Int: SLOTick] = [:]

        func tick(count: Int) async throws -> SLOTick {
            if let tick = built[count] { return tick }
            let tick = try await SLOTick.make(count: count, days: 30, end: SLOFixture.end)
            built[count] = tick
            return tick
        }
    }
}

func registerSLOBenchmarks() {
    for count in [10, 100, 1_000] {
        let configuration = Benchmark.Configuration(
            metrics: [.wallClock, .cpuTotal, .instructions, .mallocCountTotal], scalingFactor: .one, maxDuration: .seconds(10), maxIterations: 50)
        Benchmark("SLO tick \(count) SLOs 30d", configuration: configuration) { benchmark in
            let tick = try await SLOFixture.ticks.tick(count: count)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                let failures = await tick.tick()
                guard failures == 0 else { throw BenchmarkSetupError("\(failures) rules failed in a tick") }
            }
        } setup: {
            _ = try await SLOFixture.ticks.tick(count: count)
        }
    }
}
