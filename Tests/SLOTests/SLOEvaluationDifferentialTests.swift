import Alerting
import Foundation
import Logging
import PromQL
import Rules
import SLO
import Storage
import Testing

/// The evaluator's fast path (outputs written in batches, queries prepared once, annotations only
/// for present alerts) against its reference loop (`RuleGroupEvaluator.referenceMode`: every query
/// prepared at each evaluation, each rule's output written on its own), over the compiled groups
/// of SLOs of every shape on generated data with counter resets, gaps and error bursts: every
/// output sample, every alert and every stored sample must be the same, bit for bit.
@Suite struct SLOEvaluationDifferentialTests {
    static let spec = """
        version: "burnrate/v1"
        service: "shop"
        slos:
          - name: "availability"
            objective: 99.9
            sli:
              events:
                error_query: sum(rate(requests_total{code=~"5.."}[{{.window}}]))
                total_query: sum(rate(requests_total[{{.window}}]))
            alerting:
              name: Errors
              labels: {team: shop}
              page_alert: {labels: {severity: page}}
              ticket_alert: {labels: {severity: ticket}}
          - name: "per-model"
            objective: 99
            group_by: [model]
            sli:
              events:
                error_query: rate(requests_total{code=~"5.."}[{{.window}}])
                total_query: rate(requests_total[{{.window}}])
            alerting:
              name: ModelErrors
              page_alert: {labels: {severity: page}}
              ticket_alert: {labels: {severity: ticket}}
          - name: "weekly"
            objective: 99.5
            period: {calendar: week, time_zone: Europe/Paris}
            sli:
              events:
                error_query: sum(increase(requests_total{code=~"5.."}[{{.window}}]))
                total_query: sum(increase(requests_total[{{.window}}]))
            alerting:
              name: WeeklyErrors
              page_alert: {labels: {severity: page}}
              ticket_alert: {labels: {severity: ticket}}
          - name: "latency"
            objective: 99
            group_by: [model]
            min_events: 20
            sli:
              latency:
                metric: request_duration_seconds
                threshold: 0.5
            alerting:
              name: Slow
              no_data: {for: 10m}
              page_alert: {labels: {severity: page}}
              ticket_alert: {labels: {severity: ticket}}
        """

    /// 2024-03-02T00:00:00Z; the data runs 60 hours, over the start of an ISO week in Paris
    /// (2024-03-03T23:00:00Z).
    static let start: Int64 = 1_709_337_600_000
    static let step: Int64 = 15_000

    /// Counters every 15 s for 60 hours for three models: requests (200 and 500) and a latency
    /// histogram, with error bursts, a counter reset per series and a 40-minute gap in the
    /// latency series.
    static func series() -> [(labels: Labels, samples: [ChunkSample])] {
        let count = 60 * 240
        var result: [(labels: Labels, samples: [ChunkSample])] = []
        var state: UInt64 = 42
        func next(_ bound: UInt64) -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double((state >> 33) % bound)
        }
        for (modelIndex, model) in ["a", "b", "c"].enumerated() {
            var ok: [ChunkSample] = [], failed: [ChunkSample] = [], fast: [ChunkSample] = [], all: [ChunkSample] = []
            var okTotal = 0.0, failedTotal = 0.0, fastTotal = 0.0, allTotal = 0.0
            let reset = 2_000 + modelIndex * 3_100
            for scrape in 0..<count {
                let t = start + Int64(scrape) * step
                let hour = scrape / 240
                // Bursts: model a fails hard for an hour at 40h, model b less so from 40h to 50h.
                let errorShare: UInt64 = model == "a" && hour == 40 ? 30 : model == "b" && (40..<50).contains(hour) ? 8 : 0
                let requests = 20 + next(20)
                let errors = errorShare == 0 ? (next(1_000) < 3 ? 1 : 0) : (requests * Double(errorShare) / 100).rounded(.down)
                if scrape == reset {
                    okTotal = 0
                    failedTotal = 0
                }
                okTotal += requests - errors
                failedTotal += errors
                ok.append(ChunkSample(t: t, v: okTotal))
                failed.append(ChunkSample(t: t, v: failedTotal))
                // The latency series stop for 40 minutes at 46h (no-data alert).
                if (46 * 240..<46 * 240 + 160).contains(scrape) { continue }
                if scrape == reset + 500 {
                    fastTotal = 0
                    allTotal = 0
                }
                let slow = model == "b" && hour >= 45 ? requests / 4 : next(100) < 2 ? 1 : 0
                allTotal += requests
                fastTotal += requests - slow
                all.append(ChunkSample(t: t, v: allTotal))
                fast.append(ChunkSample(t: t, v: fastTotal))
            }
            result.append((Labels(["__name__": "requests_total", "code": "200", "model": model]), ok))
            result.append((Labels(["__name__": "requests_total", "code": "500", "model": model]), failed))
            result.append((Labels(["__name__": "request_duration_seconds_bucket", "le": "0.5", "model": model]), fast))
            result.append((Labels(["__name__": "request_duration_seconds_count", "model": model]), all))
        }
        return result
    }

    /// The compiled groups of `spec`.
    static func groups() throws -> [ScheduledGroup] {
        let loaded = RuleLoader().load(files: [RuleFile(path: "slo.yml", contents: spec)])
        #expect(loaded.isValid, "\(loaded.errors)")
        let compiled = SLOCompiler(ruleSet: loaded.ruleSet).groups(for: loaded.ruleSet.slos)
        #expect(compiled.problems.isEmpty, "\(compiled.problems)")
        return compiled.groups
    }

    @Test func fastPathMatchesTheReferenceLoopBitForBit() async throws {
        let reference = MemorySampleReader()
        let fast = MemorySampleReader()
        for (labels, samples) in Self.series() {
            await reference.add(labels, samples)
            await fast.add(labels, samples)
        }
        try await Self.compare(reference: reference, fast: fast, every: 600_000)
    }

    /// The same over `SampleStore`s (in-memory SQLite), where output written in one append is
    /// one transaction.
    @Test func fastPathMatchesTheReferenceLoopOverTheSampleStore() async throws {
        var stores: [SampleStore] = []
        for _ in 0..<2 {
            let store = try await SampleStore.open(database: try BurnrateDatabase.inMemory(), logger: Logger(label: "test"))
            var batch = AppendBatch()
            for (labels, samples) in Self.series() { batch.append(labels, samples) }
            let report = try await store.append(batch)
            #expect(report.rejected == 0)
            stores.append(store)
        }
        try await Self.compare(reference: stores[0], fast: stores[1], every: 600_000)
    }

    /// Evaluates the groups of `spec` both ways, `every` milliseconds from 38 h to 52 h, and
    /// compares everything they produce.
    static func compare<Store: RuleSampleStore>(reference: Store, fast: Store, every step: Int64) async throws {
        let groups = try Self.groups()
        var slow = try groups.map { group in
            var evaluator = try RuleGroupEvaluator(group: group.group, overrides: group.overrides)
            evaluator.referenceMode = true
            return evaluator
        }
        var quick = try groups.map { try RuleGroupEvaluator(group: $0.group, overrides: $0.overrides) }

        var samples = 0
        var firing: Set<String> = []
        var stale = 0
        // Over the bursts, the gap, resets and the week's start.
        var time = Self.start + 38 * 3_600_000
        while time <= Self.start + 52 * 3_600_000 {
            for index in groups.indices {
                let expected = await slow[index].evaluate(at: time, store: reference)
                let actual = await quick[index].evaluate(at: time, store: fast)
                let group = groups[index].group.name
                #expect(expected.errors.isEmpty, "\(group) at \(time): \(expected.errors)")
                #expect(actual.errors.map(\.message) == expected.errors.map(\.message), "\(group) at \(time)")
                #expect(actual.rules.map(\.error) == expected.rules.map(\.error), "\(group) at \(time)")
                #expect(Self.bits(actual.samples) == Self.bits(expected.samples), "\(group) at \(time)")
                #expect(Self.alerts(quick[index]) == Self.alerts(slow[index]), "\(group) at \(time)")
                samples += expected.samples.count
                for alert in slow[index].alerts.values.joined() where alert.phase == .firing {
                    firing.insert("\(alert.labels["alertname"] ?? "")/\(alert.labels["sloth_severity"] ?? "")")
                }
            }
            time += step
            await Task.yield()
        }
        let everything = try SeriesMatcher("__name__", .regexMatch, ".+")
        let stored = try await reference.select(matchers: [everything], start: .min, end: .max)
        let written = try await fast.select(matchers: [everything], start: .min, end: .max)
        #expect(written.map(\.labels) == stored.map(\.labels))
        for (lhs, rhs) in zip(written, stored) {
            #expect(lhs.samples.map { [$0.t, Int64(bitPattern: $0.v.bitPattern)] } == rhs.samples.map { [$0.t, Int64(bitPattern: $0.v.bitPattern)] }, "\(lhs.labels)")
            stale += rhs.samples.filter(\.isStaleMarker).count
        }
        // The data exercised what it is meant to: alerts of every kind fired, series went stale.
        #expect(samples > 1_000)
        #expect(firing.isSuperset(of: ["Errors/page", "ModelErrors/page", "ModelErrors/ticket", "WeeklyErrors/page", "SlowNoData/no_data"]), "\(firing.sorted())")
        #expect(stale > 0)
        #expect(stored.contains { $0.labels.metricName == "slo:sli_error:ratio_rate_week" })
    }

    /// Each sample as its labels, time and value bits (NaN and stale markers compare exactly).
    static func bits(_ samples: [Sample]) -> [String] {
        samples.map { "\($0.labels) \($0.t) \(String($0.v.bitPattern, radix: 16))" }
    }

    /// Every alert an evaluator holds, with its value's bits and its annotations.
    static func alerts(_ evaluator: RuleGroupEvaluator) -> [String] {
        evaluator.alerts.keys.sorted().flatMap { index in
            (evaluator.alerts[index] ?? []).map { alert in
                "\(index) \(alert.labels) \(alert.phase) \(alert.activeAt) \(String(alert.value.bitPattern, radix: 16)) "
                    + "\(alert.annotations.sorted { $0.key < $1.key })"
            }
        }
    }
}
