import Alerting
import Foundation
import PromQL
import RuleTests
import Rules
import SLO
import Storage
import Testing
import TestSupport

/// Sloth's generated rules, run by Prometheus 2.42 (`promtool test rules`), and Burnrate's
/// evaluation of Sloth's original spec agree step by step over two days of synthetic counters:
/// every non-period `slo:sli_error:ratio_rate<w>` every 5 minutes, bit for bit, and the firing
/// page and ticket alerts (labels and annotations) at every minute.
///
/// Burnrate evaluates the spec in-process (`SLOCompiler`, exact-period mode) and writes what it
/// computed as the expectations of a promtool test file whose rule file is Sloth's golden output;
/// promtool must pass it, and so must Burnrate's own runner (`RuleTestRunner`) on Sloth's rules
/// (for two of the cases: it evaluates everything again).
/// The period ratio is left out: Burnrate's is the exact traffic-weighted ratio, Sloth's the mean
/// of 5-minute ratios.
/// Serialized: each case keeps a core busy for a minute or more; one at a time leaves the other
/// core to the rest of the suite (tests that wait on real processes and sockets).
@Suite(.serialized, requiresSlothConformance)
struct SlothEvaluationConformanceTests {
    /// The metrics a spec reads.
    enum Workload: Sendable {
        /// `http_request_duration_seconds_count` by code, for one alerting SLO with this error budget.
        case httpRequests(budget: Double)
        /// The Kubernetes API server's requests and latency histogram.
        case apiserver
    }

    /// One `sloth generate` run: its input, its golden output, how Sloth was called.
    struct Case: CustomTestStringConvertible, Sendable {
        var input: String
        var golden: String
        var workload: Workload
        var seed: UInt64
        var options = SLORuleOptions(mode: .exactPeriod, version: "v0.16.0-conformance")
        /// Sloth's `--default-slo-period`.
        var periodDays: Int?
        /// Whether Burnrate's runner also runs the promtool test file.
        var runsReverse = false

        var testDescription: String { golden.split(separator: "/").last.map(String.init) ?? golden }
    }

    static let testdata = "test/integration/prometheus/testdata/"
    static let examplesgen = SLORuleOptions(mode: .exactPeriod, extraLabels: ["cmd": "examplesgen.sh"], version: "dev")

    static let cases: [Case] = [
        Case(input: testdata + "in-base.yaml", golden: testdata + "out-base.yaml.tpl", workload: .httpRequests(budget: 0.001), seed: 1,
             runsReverse: true),
        Case(input: testdata + "in-base.yaml", golden: testdata + "out-base-28d.yaml.tpl", workload: .httpRequests(budget: 0.001), seed: 2,
             periodDays: 28),
        Case(input: "examples/getting-started.yml", golden: "examples/_gen/getting-started.yml", workload: .httpRequests(budget: 0.001), seed: 3,
             options: examplesgen),
        Case(input: "examples/kubernetes-apiserver.yml", golden: "examples/_gen/kubernetes-apiserver.yml", workload: .apiserver, seed: 4,
             options: examplesgen),
    ]

    /// Samples every minute for two days.
    static let interval: Int64 = 60_000
    static let steps = 2 * 24 * 60
    /// Ratios are compared every 5 minutes, alerts at every step.
    static let checkpoint: Int64 = 5 * 60_000

    @Test(arguments: cases)
    func promtoolRunningSlothsRulesAgreesWithBurnrate(_ testCase: Case) async throws {
        let comparison = try await Comparison(testCase, end: Int64(Self.steps) * Self.interval)
        defer { comparison.remove() }

        // The data is what it was designed to be: no NaN (promtool cannot expect one), and every
        // alert fired and resolved.
        let samples = comparison.timeline.ratios.flatMap(\.samples)
        #expect(!samples.contains { $0.v.isNaN }, "a window without traffic: promtool 2.42 cannot compare NaN")
        // Input series start a minute apart: from the first hour on, every SLO has every ratio.
        for ratios in comparison.timeline.ratios where ratios.time >= 3_600_000 {
            #expect(ratios.samples.count == comparison.sloCount, "\(ratios.window) at \(ratios.time): \(ratios.samples)")
        }
        let transitions = comparison.timeline.transitions
        for severity in ["page", "ticket"] {
            #expect((transitions[severity]?.fired ?? 0) >= comparison.alertingSLOs, "\(severity) alerts fired: \(transitions)")
            #expect((transitions[severity]?.resolved ?? 0) >= comparison.alertingSLOs, "\(severity) alerts resolved: \(transitions)")
        }

        let promtool = try await Promtool.testRules(comparison.testFile)
        #expect(promtool.status == 0, "promtool test rules failed on Sloth's rules with Burnrate's values:\n\(promtool.output.prefix(8_000))")
        #expect(promtool.output.contains("SUCCESS"), "\(promtool.output.prefix(2_000))")

        // The reverse, where it pays (it evaluates the rules again): Burnrate's runner agrees with
        // promtool on Sloth's own rules.
        guard testCase.runsReverse else { return }
        let ours = await RuleTestRunner().run(file: comparison.testFile.path)
        #expect(ours.passed, "burnrate test rules failed on Sloth's rules:\n\(ours.standardError.prefix(8_000))")
    }

    /// The comparison can fail: promtool rejects a ratio one ulp off and a missing firing alert.
    @Test func promtoolNoticesOneULPAndAMissingAlert() async throws {
        var comparison = try await Comparison(Self.cases[0], end: 12 * 3_600_000)
        defer { comparison.remove() }
        let ratio = try #require(comparison.file.exprTests.lastIndex { !$0.samples.isEmpty })
        comparison.file.exprTests[ratio].samples[0].v = comparison.file.exprTests[ratio].samples[0].v.nextUp
        let alert = try #require(comparison.file.alertTests.lastIndex { !$0.alerts.isEmpty }, "no alert fired in the first 12 hours")
        comparison.file.alertTests[alert].alerts.removeFirst()
        try comparison.write()

        let promtool = try await Promtool.testRules(comparison.testFile)
        #expect(promtool.status == 1, "\(promtool.output.prefix(2_000))")
        let exprTest = comparison.file.exprTests[ratio]
        #expect(promtool.output.contains(#"expr: "\#(exprTest.expr)", time: \#(PromtoolTestFile.duration(exprTest.time))"#), "\(promtool.output.prefix(2_000))")
        #expect(promtool.output.contains("alertname: \(comparison.file.alertTests[alert].alertname), time: \(PromtoolTestFile.duration(comparison.file.alertTests[alert].time))"),
                "\(promtool.output.prefix(2_000))")
        #expect(promtool.output.components(separatedBy: "time: ").count - 1 == 2, "exactly two failures:\n\(promtool.output.prefix(2_000))")

        let ours = await RuleTestRunner().run(file: comparison.testFile.path)
        #expect(ours.failures.count == 2, "\(ours.standardError.prefix(2_000))")
    }
}
