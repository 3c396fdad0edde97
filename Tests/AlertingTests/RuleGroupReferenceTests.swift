import Alerting
import PromQL
import Rules
import Storage
import Testing

/// The evaluator's default path against its reference loop (`referenceMode`) on Prometheus rule
/// groups: alert labels merged in one pass from a plan made once (templated values, a rule label
/// named `__name__` or `alertname`, values rendering empty), the flush of output before a rule
/// reading it, label-free recording rules. Every output sample and alert must be the same.
@Suite struct RuleGroupReferenceTests {
    static let location = SourceLocation(file: "rules.yml", line: 1, column: 1)

    static func alerting(_ alert: String, _ expr: String, labels: [String: String], annotations: [String: String] = [:]) -> Rule {
        .alerting(AlertingRule(alert: alert, expr: expr, labels: labels, annotations: annotations, location: location))
    }

    static let group = RuleGroup(
        name: "g",
        rules: [
            .recording(RecordingRule(record: "job:errors:rate1m", expr: "sum by (job) (rate(errors_total[1m]))", location: location)),
            .recording(RecordingRule(record: "errors:ratio", expr: "sum(rate(errors_total[5m])) / sum(rate(requests_total[5m]))",
                                     labels: ["scope": "all"], location: location)),
            alerting("HighErrors", "job:errors:rate1m > 0.05", labels: [
                "severity": "page", "instance": "{{ $labels.instance }}", "team": "core", "job": "{{ $labels.job }}-x",
            ], annotations: ["summary": "{{ $labels.job }} at {{ $value }}", "static": "no template"]),
            alerting("Renamed", "errors:ratio > 0", labels: ["alertname": "Other", "__name__": "kept", "scope": "{{ \"\" }}"]),
            alerting("Plain", "errors_total > 5", labels: [:]),
            .recording(RecordingRule(record: "alerts:count", expr: "count(ALERTS)", location: location)),
        ],
        file: "rules.yml", location: location)

    /// Two jobs' counters, errors rising faster in the second hour.
    static func store() async -> MemorySampleReader {
        let store = MemorySampleReader()
        for job in ["api", "web"] {
            var errors: [ChunkSample] = []
            var requests: [ChunkSample] = []
            for step in 0..<480 {
                let t = Int64(step) * 15_000
                errors.append(ChunkSample(t: t, v: Double(step * (step > 240 ? 3 : 1)) * (job == "api" ? 1 : 0.1)))
                requests.append(ChunkSample(t: t, v: Double(step * 20)))
            }
            await store.add(["__name__": "errors_total", "job": job], errors)
            await store.add(["__name__": "requests_total", "job": job], requests)
        }
        return store
    }

    static func bits(_ samples: [Sample]) -> [String] {
        samples.map { "\($0.labels) \($0.t) \($0.v.bitPattern)" }
    }

    @Test func theDefaultPathMatchesTheReferenceLoop() async throws {
        let (reference, fast) = (await Self.store(), await Self.store())
        var slow = try RuleGroupEvaluator(group: Self.group)
        slow.referenceMode = true
        var quick = try RuleGroupEvaluator(group: Self.group)
        var alerts = 0
        for t in stride(from: Int64(60_000), through: 7_200_000, by: 60_000) {
            let expected = await slow.evaluate(at: t, store: reference)
            let actual = await quick.evaluate(at: t, store: fast)
            #expect(expected.errors.isEmpty, "\(expected.errors)")
            #expect(Self.bits(actual.samples) == Self.bits(expected.samples), "at \(t)")
            let expectedAlerts = slow.alerts.values.joined().map { "\($0.labels) \($0.annotations)" }.sorted()
            #expect(quick.alerts.values.joined().map { "\($0.labels) \($0.annotations)" }.sorted() == expectedAlerts, "at \(t)")
            alerts += expectedAlerts.count
        }
        #expect(alerts > 100)
        // The plans did what the reference loop does with these labels.
        let labels = quick.alerts.values.joined().map(\.labels)
        #expect(labels.contains {
            $0["alertname"] == "HighErrors" && $0["severity"] == "page" && $0["team"] == "core" && $0["job"] == "api-x" && $0["instance"] == nil
        })
        #expect(labels.contains { $0["alertname"] == "Renamed" && $0["__name__"] == "kept" && $0["scope"] == nil })
        #expect(labels.contains { $0["alertname"] == "Plain" && $0["__name__"] == nil && $0["job"] == "web" })
    }
}
