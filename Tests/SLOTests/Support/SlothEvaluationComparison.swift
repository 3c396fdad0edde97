import Alerting
import Foundation
import PromQL
import RuleTests
import Rules
import SLO
import Storage
import Testing
import TestSupport

extension SlothEvaluationConformanceTests {
    /// One case prepared: synthetic counters, Burnrate's timeline over Sloth's original spec, and a
    /// promtool test file beside Sloth's generated rules in a temporary folder.
    struct Comparison {
        var timeline: BurnrateTimeline
        var file: PromtoolTestFile
        let folder: URL
        /// How many SLOs record ratios, and how many of them alert.
        let sloCount: Int
        let alertingSLOs: Int

        var testFile: URL { folder.appendingPathComponent("sloth-conformance.test.yml") }

        /// Evaluates `testCase` from 0 to `end` (milliseconds) and writes the files.
        init(_ testCase: Case, end: Int64) async throws {
            let ruleSet = try SlothConformance.load([testCase.input])
            var slos = ruleSet.slos
            if let days = testCase.periodDays {
                for index in slos.indices { slos[index].period = .rolling(.seconds(days * 86_400)) }
            }
            sloCount = slos.count
            alertingSLOs = slos.filter { $0.alerting.page != nil && $0.alerting.ticket != nil }.count

            // Sloth's generated rules, as its harness renders them.
            var golden = try SlothConformance.text(testCase.golden)
            if testCase.golden.hasSuffix(".tpl") { golden = try SlothConformance.render(template: golden, version: testCase.options.version) }
            let goldenGroups = try ExpectedRuleFile(yaml: golden).groups.map(\.name)

            // Burnrate's groups for the original spec, evaluated in the same order.
            let engine = Engine(defaultSubqueryStep: PromDuration(milliseconds: SlothEvaluationConformanceTests.interval))
            let compiled = SLOCompiler(ruleSet: ruleSet, options: testCase.options, engine: engine).groups(for: slos)
            try #require(compiled.problems.isEmpty, "\(compiled.problems)")
            try #require(compiled.groups.map(\.group.name) == goldenGroups, "Burnrate's groups are not Sloth's")
            let windows = try Self.windows(compiled.groups.map(\.group), slos: slos)

            // The same input for both: the notation text promtool reads, parsed by Burnrate. A sum
            // adds its series in storage order, and float addition is not associative: Burnrate
            // adds them in label order, Prometheus in the order the series were created, which
            // promtool's loader makes random (a Go map) when series start together. So the n-th
            // series in label order starts n steps late, and promtool creates them in label order.
            let counters = try Self.counters(testCase, steps: SlothEvaluationConformanceTests.steps + 1)
                .map { (labels: try MetricText.parse($0.series), counter: $0) }
                .sorted { $0.labels < $1.labels }
                .enumerated().map { index, entry in
                    (series: entry.counter.series, values: (Array(repeating: "_", count: index) + [entry.counter.notation]).joined(separator: " "))
                }
            let series = try counters.map { counter in
                (labels: try MetricText.parse(counter.series),
                 samples: try SeriesNotation.samples(counter.values, interval: SlothEvaluationConformanceTests.interval))
            }
            timeline = try await BurnrateTimeline(
                groups: compiled.groups, series: series, engine: engine, interval: SlothEvaluationConformanceTests.interval, end: end,
                checkpoint: SlothEvaluationConformanceTests.checkpoint, windows: windows)

            file = PromtoolTestFile(ruleFiles: ["sloth-rules.yml"], groupEvalOrder: goldenGroups)
            file.inputSeries = counters
            file.alertTests = timeline.firing
            file.exprTests = timeline.ratios.map { ("slo:sli_error:ratio_rate\($0.window)", $0.time, $0.samples) }
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("sloth-conformance-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try golden.write(to: folder.appendingPathComponent("sloth-rules.yml"), atomically: true, encoding: .utf8)
            try write()
        }

        /// Writes the test file.
        func write() throws {
            try file.yaml.write(to: testFile, atomically: true, encoding: .utf8)
        }

        /// Removes the temporary folder.
        func remove() {
            try? FileManager.default.removeItem(at: folder)
        }

        /// The `sloth_window`s of the ratio rules, without each SLO's period window.
        static func windows(_ groups: [RuleGroup], slos: [SLO]) throws -> [String] {
            let periods = Set(slos.map { PromDuration(milliseconds: Int64($0.period.nominalLength.components.seconds) * 1000).description })
            var windows: [String] = []
            var skipped: Set<String> = []
            for group in groups {
                for case .recording(let rule) in group.rules where rule.record.hasPrefix("slo:sli_error:ratio_rate") {
                    let window = try #require(rule.labels["sloth_window"])
                    if periods.contains(window) {
                        skipped.insert(window)
                    } else if !windows.contains(window) {
                        windows.append(window)
                    }
                }
            }
            try #require(skipped == periods, "the period windows \(periods) are not among the ratios")
            return windows
        }

        /// The case's synthetic counters over `steps` samples, from its seed.
        static func counters(_ testCase: Case, steps: Int) -> [CounterSeries] {
            var random = SplitMix64(seed: testCase.seed)
            switch testCase.workload {
            case .httpRequests(let budget):
                let profile = BurnProfile(steps: steps, random: &random)
                return SyntheticCounters.httpRequests(profile, budget: budget, random: &random)
            case .apiserver:
                let availability = BurnProfile(steps: steps, random: &random)
                let latency = BurnProfile(steps: steps, random: &random)
                return SyntheticCounters.apiserver(
                    availability: availability, availabilityBudget: 0.001, latency: latency, latencyBudget: 0.01, random: &random)
            }
        }
    }
}
