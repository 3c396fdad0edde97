import Foundation
import Rules
import SLO
import Testing

/// Generated groups written as a Prometheus rule file: our loader and promtool read it back.
struct RuleFileTests {
    /// The generated groups of every SLO of `in-base.yaml`, in Sloth mode.
    static func inBaseGroups(_ options: SLORuleOptions = SLORuleOptions()) throws -> [RuleGroup] {
        let ruleSet = try SlothConformance.load(["test/integration/prometheus/testdata/in-base.yaml"])
        return try SLORuleGenerator(ruleSet: ruleSet, options: options).groups(for: ruleSet.slos)
    }

    @Test(requiresSlothConformance)
    func ourLoaderReadsTheWrittenFileBack() throws {
        let groups = try Self.inBaseGroups()
        let text = RuleFileWriter.yaml(groups)
        let result = RuleLoader().load(files: [RuleFile(path: "generated.yml", contents: text)])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let loaded = result.ruleSet.groups
        #expect(loaded.map(\.name) == groups.map(\.name))
        for (ours, back) in zip(groups.flatMap(\.rules), loaded.flatMap(\.rules)) {
            switch (ours, back) {
            case (.recording(let lhs), .recording(let rhs)):
                #expect(lhs.record == rhs.record && lhs.expr == rhs.expr && lhs.labels == rhs.labels)
            case (.alerting(let lhs), .alerting(let rhs)):
                #expect(lhs.alert == rhs.alert && lhs.expr == rhs.expr && lhs.labels == rhs.labels && lhs.annotations == rhs.annotations)
            default:
                Issue.record("rule kinds differ: \(ours.name) vs \(back.name)")
            }
        }
    }

    @Test func awkwardStringsAreQuoted() {
        let rule = AlertingRule(
            alert: "A", expr: "up == 0", for: .seconds(300),
            labels: ["channel": "#alerts: \"team\""], annotations: ["summary": "{{ $labels.job }}\tdown\n"],
            location: SourceLocation(file: "x", line: 1, column: 1)
        )
        let text = RuleFileWriter.yaml([RuleGroup(name: "g", rules: [.alerting(rule)], file: "x", location: SourceLocation(file: "x", line: 1, column: 1))])
        let result = RuleLoader().load(files: [RuleFile(path: "x.yml", contents: text)])
        guard case .alerting(let back)? = result.ruleSet.groups.first?.rules.first else {
            Issue.record("not read back: \(result.diagnostics.map(\.description))\n\(text)")
            return
        }
        #expect(back == AlertingRule(alert: "A", expr: "up == 0", for: .seconds(300), labels: rule.labels, annotations: rule.annotations, location: back.location))
    }

    /// The SLOs of the example rule files in `rules/` (Sloth, burnrate/v1, OpenSLO).
    static func exampleSLOs() throws -> RuleSet {
        let result = RuleLoader().load(paths: [SlothConformance.repository.appendingPathComponent("rules").path])
        try #require(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics.map(\.description))")
        try #require(!result.ruleSet.slos.isEmpty)
        return result.ruleSet
    }

    /// promtool accepts what the example SLOs of `rules/` generate (latency SLIs, OpenSLO SLOs),
    /// evaluated at a fixed time for calendar periods.
    @Test(arguments: SLORuleMode.allCases)
    func promtoolAcceptsTheExampleSLOs(_ mode: SLORuleMode) throws {
        let ruleSet = try Self.exampleSLOs()
        let generator = SLORuleGenerator(ruleSet: ruleSet, options: SLORuleOptions(mode: mode))
        let time = Date(timeIntervalSince1970: 1_717_243_200)
        var groups: [RuleGroup] = []
        for slo in ruleSet.slos { groups += try generator.groups(for: slo, at: time) }
        let text = try Self.promtoolCheck(groups)
        #expect(text.contains("SUCCESS: \(groups.flatMap(\.rules).count) rules found"), "\(text)")
    }

    /// Runs `promtool check rules` on `groups`, expecting success; returns its output.
    static func promtoolCheck(_ groups: [RuleGroup], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        let promtool = "/usr/bin/promtool"
        try #require(FileManager.default.isExecutableFile(atPath: promtool), "promtool is missing: apt-get install prometheus", sourceLocation: sourceLocation)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("slogen-\(UUID().uuidString).yml")
        try RuleFileWriter.yaml(groups).write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: promtool)
        process.arguments = ["check", "rules", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "promtool check rules failed:\n\(text)", sourceLocation: sourceLocation)
        return text
    }

    /// `promtool check rules` (Prometheus 2.42, our PromQL oracle) accepts the generated file, in
    /// both modes.
    @Test(requiresSlothConformance, arguments: SLORuleMode.allCases)
    func promtoolAcceptsTheGeneratedRules(_ mode: SLORuleMode) throws {
        let groups = try Self.inBaseGroups(SLORuleOptions(mode: mode))
        let text = try Self.promtoolCheck(groups)
        #expect(text.contains("SUCCESS: 32 rules found"), "\(text)")
    }
}
