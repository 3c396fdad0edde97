import Foundation
@testable import Rules
import Testing

/// The example rule files shipped in `rules/` load without any problem.
struct ExampleRuleFilesTests {
    static func load(_ name: String) -> LoadResult {
        RuleLoader().load(paths: [SlothTestSupport.repositoryRoot.appendingPathComponent("rules/\(name)").path])
    }

    @Test func inferenceAvailabilitySlothSpec() throws {
        let result = Self.load("inference-availability.sloth.yml")
        expectSlothClean(result)
        let slos = result.ruleSet.slos
        #expect(slos.map(\.id) == ["llm-inference-vllm-requests-availability", "llm-inference-triton-inference-availability"])
        #expect(slos.map(\.objective) == [0.995, 0.999])
        #expect(slos.allSatisfy { $0.format == .sloth && $0.alerting.page != nil && $0.alerting.ticket != nil })
        guard case .events(let errors, let total) = try #require(slos.last).indicator else {
            Issue.record("expected an events SLI")
            return
        }
        #expect(errors.text.contains("nv_inference_request_failure"))
        #expect(total.text.contains("nv_inference_request_success"))
    }

    @Test func ttftLatencyBurnrateSpec() throws {
        let result = Self.load("ttft-latency.burnrate.yml")
        expectSlothClean(result)
        let slo = try #require(result.ruleSet.slos.first)
        #expect(slo.id == "llm-inference-time-to-first-token")
        #expect(slo.period == .calendar(.month, timeZone: "Europe/Berlin"))
        #expect(slo.groupBy == ["model_name"])
        #expect(slo.minEvents == 200)
        #expect(slo.alerting.noDataAfter == .seconds(600))
        #expect(slo.indicator == .latency(LatencySLI(
            metric: "vllm:time_to_first_token_seconds", matchers: #"job="vllm""#, threshold: 0.5,
            location: slo.indicator.latencyLocation ?? Rules.SourceLocation(file: "", line: 0, column: 0)
        )))
    }
}

extension SLI {
    fileprivate var latencyLocation: Rules.SourceLocation? {
        if case .latency(let latency) = self { latency.location } else { nil }
    }
}

/// The examples of `docs/rules.md` load as the documentation says.
struct RulesDocumentationTests {
    /// The YAML blocks of `docs/rules.md`, in order.
    static func yamlBlocks() throws -> [String] {
        let url = SlothTestSupport.repositoryRoot.appendingPathComponent("docs/rules.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```yaml" {
                current = []
            } else if line == "```", let lines = current {
                blocks.append(lines.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test func everyExampleLoadsClean() throws {
        let blocks = try Self.yamlBlocks()
        #expect(blocks.count >= 5)
        for (index, block) in blocks.enumerated() {
            let result = SlothTestSupport.load(block, file: "docs-example-\(index + 1).yml")
            expectSlothClean(result)
        }
    }

    @Test func burnrateExampleHasEveryAddition() throws {
        let block = try #require(Self.yamlBlocks().first { $0.hasPrefix(#"version: "burnrate/v1""#) })
        let slos = SlothTestSupport.load(block).ruleSet.slos
        try #require(slos.count == 3)
        #expect(slos[0].period == .calendar(.month, timeZone: "Europe/Berlin"))
        #expect(slos[1].period == .rolling(.seconds(28 * 86400)))
        #expect(slos[1].groupBy == ["route"])
        #expect(slos[1].minEvents == 100)
        let slowPage = AlertWindowCatalog.factor(budgetPercent: 5, period: .seconds(28 * 86400), long: .seconds(6 * 3600))
        let factors: [Double] = [14.4, slowPage, 1]
        #expect(slos[1].alerting.windows?.map(\.factor) == factors)
        #expect(abs(slowPage - 5.6) < 1e-9)
        #expect(slos[2].budgeting == .timeslices(target: 1, window: .seconds(60)))
        #expect(slos[2].alerting.ticket == nil)
    }
}
