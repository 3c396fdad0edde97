import Storage
import Testing
@testable import Alerting

/// A recording rule's labels are merged into each sample's in one pass; the result must be the
/// label set `Labels.setting` gives when they are set one at a time.
struct RuleLabelMergeTests {
    @Test func mergeEqualsSettingEachLabel() {
        let samples: [Labels] = [
            Labels(),
            ["__name__": "x", "job": "api"],
            ["A": "upper", "__name__": "x", "sloth_window": "5m", "zone": "eu"],
            ["instance": "h1", "job": "api", "model": "m", "sloth_id": "old"],
        ]
        let added: [[Label]] = [
            [],
            [Label(name: "__name__", value: "slo:ratio")],
            [Label(name: "B", value: "b"), Label(name: "__name__", value: "r"), Label(name: "job", value: ""), Label(name: "sloth_id", value: "id")],
            [Label(name: "__name__", value: "r"), Label(name: "zone", value: "us")],
            // Not sorted, or a name twice: the plain way.
            [Label(name: "zone", value: "us"), Label(name: "a", value: "1")],
            [Label(name: "__name__", value: "r"), Label(name: "__name__", value: "s")],
        ]
        for labels in samples {
            for list in added {
                #expect(RuleGroupEvaluator.merging(labels, list) == RuleGroupEvaluator.settingEach(labels, list), "\(labels) \(list)")
            }
        }
        let merged = RuleGroupEvaluator.merging(["__name__": "x", "job": "api", "zone": "eu"], [
            Label(name: "__name__", value: "r"), Label(name: "job", value: ""), Label(name: "sloth_id", value: "id"),
        ])
        #expect(merged == ["__name__": "r", "sloth_id": "id", "zone": "eu"])
    }
}
