import Alerting
import Foundation
import PromQL
import Rules
import SLO
import Storage
import Yams

/// Runs promtool's rule unit-test files (`promtool test rules`) through Burnrate's evaluator and
/// reports failures in promtool's words.
///
/// As promtool 2.42 does, each test group loads its input series step by step up to the last
/// evaluation step at or before its largest `eval_time`, evaluates every rule group at each
/// step from 0 (in `group_eval_order`, else file order), checks `alert_rule_test` at the step
/// that covers each `eval_time`, then runs `promql_expr_test` over the final data.
public struct RuleTestRunner: Sendable {
    /// How far apart an expected and a computed value may be, relative to the expected one; 0
    /// compares exactly, as promtool 2.42 does.
    public var relativeTolerance: Double

    /// Creates a runner.
    public init(relativeTolerance: Double = 0) {
        self.relativeTolerance = relativeTolerance
    }

    /// Runs one test file.
    public func run(file path: String) async -> RuleTestResult {
        RuleTestResult(file: path, failures: await failures(file: path))
    }

    private func failures(file path: String) async -> [String] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            return ["open \(path): no such file or directory"]
        }
        let testFile: RuleTestFile
        do {
            testFile = try YAMLDecoder().decode(RuleTestFile.self, from: text)
        } catch {
            return ["\(path): \(error)"]
        }
        let directory = (path as NSString).deletingLastPathComponent
        let ruleFiles = testFile.ruleFiles.map { $0.hasPrefix("/") || directory.isEmpty ? $0 : directory + "/" + $0 }
        let evaluationInterval: Int64
        do {
            evaluationInterval = try Self.duration(testFile.evaluationInterval ?? "1m")
        } catch {
            return [error.message]
        }
        var groupOrder: [String: Int] = [:]
        for (index, name) in testFile.groupEvalOrder.enumerated() {
            if groupOrder[name] != nil { return ["group name repeated in evaluation order: \(name)"] }
            groupOrder[name] = index
        }
        var failures: [String] = []
        for group in testFile.tests {
            failures += await run(group, evaluationInterval: evaluationInterval, groupOrder: groupOrder, ruleFiles: ruleFiles)
        }
        return failures
    }

    static func duration(_ text: String) throws(RuleTestError) -> Int64 {
        do {
            return try PromDuration(parsing: text).milliseconds
        } catch {
            return try Self.rethrow(text, error)
        }
    }

    private static func rethrow(_ text: String, _ error: ParseError) throws(RuleTestError) -> Int64 {
        throw RuleTestError("not a valid duration string: \"\(text)\"")
    }

    private func run(
        _ test: RuleTestFile.TestGroup, evaluationInterval: Int64, groupOrder: [String: Int], ruleFiles: [String]
    ) async -> [String] {
        // Rules, in evaluation order.
        var evaluators: [RuleGroupEvaluator] = []
        if !ruleFiles.isEmpty {
            let loaded = RuleLoader().load(paths: ruleFiles)
            guard loaded.isValid else { return loaded.errors.map(\.description) }
            let engine = Engine(defaultSubqueryStep: PromDuration(milliseconds: evaluationInterval))
            // SLO specs among the rule files become the groups Burnrate evaluates for them.
            let compiled = SLOCompiler(ruleSet: loaded.ruleSet, engine: engine).groups(for: loaded.ruleSet.slos)
            if !compiled.problems.isEmpty { return compiled.problems.map(\.description) }
            let all = loaded.ruleSet.groups.map { ScheduledGroup(group: $0) } + compiled.groups
            let ordered = all.enumerated().sorted {
                (groupOrder[$0.element.group.name] ?? 0, $0.offset) < (groupOrder[$1.element.group.name] ?? 0, $1.offset)
            }.map(\.element)
            for entry in ordered {
                do {
                    evaluators.append(try RuleGroupEvaluator(
                        group: entry.group, overrides: entry.overrides, engine: engine, externalLabels: test.externalLabels,
                        externalURL: test.externalURL))
                } catch {
                    return ["\(entry.group.file): group \"\(entry.group.name)\", \(error.description)"]
                }
            }
        }

        // Input series and times.
        let plan: TestPlan
        do {
            plan = try TestPlan(test, evaluationInterval: evaluationInterval)
        } catch {
            return ["    \(error.message)"]
        }

        let store = MemorySampleReader()
        var loaded = [Int](repeating: 0, count: plan.series.count)
        var failures: [String] = []
        var nextAlertTime = 0
        var ts: Int64 = 0
        while ts <= plan.maxTime {
            for (index, series) in plan.series.enumerated() {
                let end = series.samples[loaded[index]...].firstIndex { $0.t > ts } ?? series.samples.count
                if end > loaded[index] {
                    await store.add(series.labels, Array(series.samples[loaded[index]..<end]))
                    loaded[index] = end
                }
            }
            var evaluationFailures: [String] = []
            for index in evaluators.indices {
                let evaluation = await evaluators[index].evaluate(at: ts, store: store)
                for error in evaluation.errors {
                    evaluationFailures.append("    rule: \(error.rule), time: \(GoDurationText.format(milliseconds: ts)), err: \(error.message)")
                }
            }
            failures += evaluationFailures
            if !evaluationFailures.isEmpty { return failures }

            while nextAlertTime < plan.alertTimes.count, ts <= plan.alertTimes[nextAlertTime], plan.alertTimes[nextAlertTime] < ts + evaluationInterval {
                let time = plan.alertTimes[nextAlertTime]
                for (alertTest, _) in plan.alertTests.filter({ $0.time == time }) {
                    if let failure = check(alertTest, evaluators: evaluators, groupName: test.name) { failures.append(failure) }
                }
                nextAlertTime += 1
            }
            ts += evaluationInterval
        }

        let engine = Engine(defaultSubqueryStep: PromDuration(milliseconds: evaluationInterval))
        for (exprTest, time) in plan.exprTests {
            if let failure = await check(exprTest, at: time, engine: engine, store: store) { failures.append(failure) }
        }
        return failures
    }
}
