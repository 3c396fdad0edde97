import Foundation
import RuleTests
import Testing

/// `../shared/conformance/promql`, beside the clone (found through the real path of this file).
enum PromQLCases {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .resolvingSymlinksInPath()
        .deletingLastPathComponent()  // AlertingTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // the repository
        .deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/promql")

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: directory.path) }

    /// Every promtool test file of the folder (not the `.rules.yml` files they load).
    static var testFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yml") && !$0.hasSuffix(".rules.yml") }.sorted()
            .map { directory.appendingPathComponent($0).path }
    }
}

@Suite struct PromQLConformanceTests {
    @Test(.enabled(if: PromQLCases.isAvailable, "../shared/conformance/promql is not beside this clone: conformance cases skipped"))
    func everySharedCasePassesBurnrateTestRules() async {
        let files = PromQLCases.testFiles
        #expect(files.count >= 12, "expected the shared promtool cases in \(PromQLCases.directory.path)")
        let runner = RuleTestRunner()
        for file in files {
            let result = await runner.run(file: file)
            #expect(result.passed, "\(file):\n\(result.standardError)")
        }
    }
}
