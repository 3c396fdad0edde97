import PromQL
import Storage

/// A test group's input series and times, read and checked before anything runs.
struct TestPlan {
    var series: [(labels: Labels, samples: [ChunkSample])] = []
    var alertTests: [(test: RuleTestFile.AlertTest, time: Int64)] = []
    var alertTimes: [Int64] = []
    var exprTests: [(test: RuleTestFile.ExprTest, time: Int64)] = []
    var maxTime: Int64 = 0

    init(_ test: RuleTestFile.TestGroup, evaluationInterval: Int64) throws(RuleTestError) {
        let interval = try test.interval.map { (text: String) throws(RuleTestError) -> Int64 in try RuleTestRunner.duration(text) } ?? evaluationInterval
        guard interval > 0, evaluationInterval > 0 else { throw RuleTestError("interval must be positive") }
        for input in test.inputSeries {
            let labels: Labels
            do {
                labels = try MetricText.parse(input.series)
            } catch {
                throw RuleTestError("series \(input.series): \(error.message)")
            }
            series.append((labels, try SeriesNotation.samples(input.values, interval: interval)))
        }
        for alert in test.alertRuleTests {
            guard !alert.alertname.isEmpty else { throw RuleTestError("alertname can't be empty") }
            alertTests.append((alert, try RuleTestRunner.duration(alert.evalTime)))
        }
        for expr in test.promqlExprTests {
            exprTests.append((expr, try RuleTestRunner.duration(expr.evalTime)))
        }
        alertTimes = Set(alertTests.map(\.time)).sorted()
        maxTime = (alertTests.map(\.time) + exprTests.map(\.time)).max() ?? 0
    }
}
