import Alerting
import Rules
import Storage
import Testing

/// An alerting rule whose annotations do not read the value renders them once per label set
/// and uses them again (`RuleGroupEvaluator`); what it gives must stay what rendering at every
/// evaluation gives: new label sets rendered, the value read where a template reads it, the
/// external labels and URL as they are now.
@Suite struct RenderedAnnotationsTests {
    static let location = SourceLocation(file: "rules.yml", line: 1, column: 1)

    @Test(arguments: [
        ("{{ $labels.job }} in {{ $externalLabels.region }} at {{ $externalURL }}", false),
        ("{{ .Labels.job }} {{ .ExternalLabels.region }} {{ .ExternalURL }} {{ \"x\" | toUpper }}", false),
        ("{{ printf \"%s\" $labels.job }} {{ $.Labels.job }} {{ $undefined }}", false),
        ("plain text", false),
        ("{{ $value }}", true),
        ("{{ $value | humanize }}", true),
        ("{{ printf \"%.2f\" .Value }}", true),
        ("{{ humanizePercentage (printf \"%f\" $.Value) }}", true),
        ("{{ . }}", true),
        ("{{ $ }}", true),
    ])
    func whetherATemplateReadsTheValue(text: String, reads: Bool) throws {
        #expect(try AlertTemplate(parsing: text).readsValue == reads)
    }

    @Test func reusedAnnotationsFollowLabelsValuesAndExternalLabels() async throws {
        let store = MemorySampleReader()
        await store.add(["__name__": "load", "job": "api"], [ChunkSample(t: 60_000, v: 1), ChunkSample(t: 120_000, v: 2), ChunkSample(t: 180_000, v: 3)])
        await store.add(["__name__": "load", "job": "web"], [ChunkSample(t: 180_000, v: 7)])
        let group = RuleGroup(
            name: "g",
            rules: [
                .alerting(AlertingRule(
                    alert: "Where", expr: "load > 0",
                    annotations: ["where": "{{ $labels.job }} in {{ $externalLabels.region }}", "static": "text"], location: Self.location)),
                .alerting(AlertingRule(
                    alert: "Value", expr: "load > 0", annotations: ["value": "{{ $labels.job }} at {{ $value }}"], location: Self.location)),
            ],
            file: "rules.yml", location: Self.location)
        var evaluator = try RuleGroupEvaluator(group: group, externalLabels: ["region": "eu"])
        func annotations(_ name: String, _ key: String) -> [String] {
            evaluator.activeAlerts(named: name).map { $0.annotations[key] ?? "-" }
        }

        _ = await evaluator.evaluate(at: 60_000, store: store)
        #expect(annotations("Where", "where") == ["api in eu"])
        #expect(annotations("Where", "static") == ["text"])
        #expect(annotations("Value", "value") == ["api at 1"])

        _ = await evaluator.evaluate(at: 120_000, store: store)
        #expect(annotations("Where", "where") == ["api in eu"])
        #expect(annotations("Value", "value") == ["api at 2"])

        evaluator.externalLabels = ["region": "us"]
        _ = await evaluator.evaluate(at: 180_000, store: store)
        #expect(annotations("Where", "where") == ["api in us", "web in us"])
        #expect(annotations("Value", "value") == ["api at 3", "web at 7"])
    }
}
