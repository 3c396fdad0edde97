import Rules
import SLO
import Testing

/// Every row of `../shared/conformance/sloth/README.md` with a golden output: our loader reads
/// Sloth's input, `SLORuleGenerator` generates groups, and they match what Sloth v0.16 generated
/// (group and rule names, labels, annotations, expressions parsed and printed, numbers within 1e-9).
@Suite(requiresSlothConformance)
struct SlothConformanceTests {
    /// One `sloth generate` run of Sloth's test harness or of its examples script.
    struct Case: CustomTestStringConvertible, Sendable {
        var inputs: [String]
        var expected: String
        var options = SLORuleOptions()
        /// Sloth's `--default-slo-period`: the period of SLOs whose spec has none.
        var defaultPeriodDays: Int?
        /// The version the template's `{{ .version }}` is rendered with.
        var version = "v0.16.0-conformance"

        var testDescription: String { expected.split(separator: "/").last.map(String.init) ?? expected }
    }

    static let testdata = "test/integration/prometheus/testdata/"

    /// `scripts/examplesgen.sh`: `--extra-labels cmd=examplesgen.sh`, Sloth's version `dev`.
    static func example(_ name: String) -> Case {
        Case(
            inputs: ["examples/\(name)"], expected: "examples/_gen/\(name)",
            options: SLORuleOptions(extraLabels: ["cmd": "examplesgen.sh"], version: "dev"), version: "dev"
        )
    }

    static let cases: [Case] = [
        Case(inputs: [testdata + "in-base.yaml"], expected: testdata + "out-base.yaml.tpl"),
        Case(inputs: [testdata + "in-base.yaml"], expected: testdata + "out-base-28d.yaml.tpl", defaultPeriodDays: 28),
        Case(
            inputs: [testdata + "in-base.yaml", "test/integration/prometheus/windows/7d.yaml"],
            expected: testdata + "out-base-custom-windows-7d.yaml.tpl", defaultPeriodDays: 7
        ),
        Case(inputs: [testdata + "in-base.yaml"], expected: testdata + "out-base-no-alerts.yaml.tpl", options: SLORuleOptions(alertsEnabled: false)),
        Case(
            inputs: [testdata + "in-base.yaml"], expected: testdata + "out-base-extra-labels.yaml.tpl",
            options: SLORuleOptions(extraLabels: ["exk1": "exv1", "exk2": "exv2"])
        ),
        Case(inputs: [testdata + "in-base-k8s.yaml"], expected: testdata + "out-base-k8s.yaml.tpl"),
        Case(inputs: [testdata + "in-openslo.yaml"], expected: testdata + "out-openslo.yaml.tpl"),
        Case(inputs: [testdata + "in-multifile.yaml"], expected: testdata + "out-multifile.yaml.tpl"),
        example("getting-started.yml"),
        example("no-alerts.yml"),
        example("kubernetes-apiserver.yml"),
        example("raw-home-wifi.yml"),
        example("openslo-kubernetes-apiserver.yml"),
    ]

    /// Loads a case's inputs and generates its groups as Sloth's command line would.
    static func generate(_ testCase: Case) throws -> [RuleGroup] {
        let ruleSet = try SlothConformance.load(testCase.inputs)
        var options = testCase.options
        options.version = testCase.version
        var slos = ruleSet.slos
        if let days = testCase.defaultPeriodDays {
            // Sloth specs have no period field: Sloth's --default-slo-period gives theirs.
            for index in slos.indices where [.sloth, .slothKubernetes].contains(slos[index].format) {
                slos[index].period = .rolling(.seconds(days * 86_400))
            }
        }
        return try SLORuleGenerator(ruleSet: ruleSet, options: options).groups(for: slos)
    }

    static func expected(_ testCase: Case) throws -> ExpectedRuleFile {
        let template = try SlothConformance.text(testCase.expected)
        return try ExpectedRuleFile(yaml: SlothConformance.render(template: template, version: testCase.version))
    }

    @Test(arguments: cases)
    func generatesWhatSlothGenerates(_ testCase: Case) throws {
        let groups = try Self.generate(testCase)
        let expected = try Self.expected(testCase)
        try #require(!expected.groups.isEmpty, "the golden file has no groups")
        let problems = RuleGroupComparison.differences(groups, expected)
        #expect(problems.isEmpty, "\(problems.count) differences:\n\(problems.joined(separator: "\n"))")
    }

    /// Sloth's numbers are reproduced digit for digit, not only within the tolerance: every
    /// expression prints exactly as the golden one does.
    @Test(arguments: cases)
    func expressionsPrintIdentically(_ testCase: Case) throws {
        let ours = try Self.generate(testCase).flatMap(\.rules).map(\.expr)
        let theirs = try Self.expected(testCase).groups.flatMap(\.rules).map(\.expr)
        try #require(ours.count == theirs.count)
        for (actual, expected) in zip(ours, theirs) {
            #expect(ExprComparison.identical(actual, expected), "\(actual)\nvs\n\(expected)")
        }
    }

    /// The README's sanity counts, so a golden file that failed to parse cannot pass silently.
    @Test func readmeCounts() throws {
        let counts: [(String, Int, Int)] = [
            ("out-base.yaml.tpl", 5, 32), ("out-base-no-alerts.yaml.tpl", 4, 30),
            ("out-multifile.yaml.tpl", 10, 64), ("out-openslo.yaml.tpl", 2, 15), ("out-base-k8s.yaml.tpl", 5, 32),
        ]
        for (file, groupCount, ruleCount) in counts {
            let testCase = try #require(Self.cases.first { $0.expected.hasSuffix("/" + file) })
            let groups = try Self.generate(testCase)
            #expect(groups.count == groupCount, "\(file)")
            #expect(groups.flatMap(\.rules).count == ruleCount, "\(file)")
            let expected = try Self.expected(testCase)
            #expect(expected.groups.count == groupCount, "\(file)")
        }
    }
}
