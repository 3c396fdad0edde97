import Foundation
import Testing
import PromQL

/// Parses, prints and re-parses every PromQL expression in the shared conformance data.
///
/// The data lives outside the repository, in `../shared/conformance` next to it; the tests
/// are skipped, saying so, only when that folder is missing.
@Suite struct ConformanceTests {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // PromQLTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository
        .deletingLastPathComponent()
        .appendingPathComponent("shared/conformance")

    static let isAvailable = FileManager.default.fileExists(atPath: root.path)
    static let missing: Comment = "shared conformance data not found at ../shared/conformance; skipping"

    /// Keys whose values are PromQL in Prometheus rule files and in Sloth/OpenSLO specs.
    static let queryKeys: Set<String> = [
        "expr", "error_query", "total_query", "error_ratio_query", "errorQuery", "totalQuery", "errorRatioQuery", "query",
    ]

    static func files(under folder: String, suffixes: [String]) -> [URL] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { url in suffixes.contains { url.lastPathComponent.hasSuffix($0) } }
            .sorted { $0.path < $1.path }
    }

    /// Every query of the files, with Sloth's `{{.window}}` replaced by `5m` and template-only values skipped.
    static func queries(in files: [URL]) throws -> [(file: String, value: YAMLScalarReader.Value)] {
        var result: [(String, YAMLScalarReader.Value)] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for var value in YAMLScalarReader(text).values(of: queryKeys) {
                for window in ["{{.window}}", "{{ .window }}"] {
                    value.text = value.text.replacingOccurrences(of: window, with: "5m")
                }
                if value.text.contains("{{") || value.text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                result.append((file.path.replacingOccurrences(of: root.path + "/", with: ""), value))
            }
        }
        return result
    }

    static func checkRoundTrip(_ queries: [(file: String, value: YAMLScalarReader.Value)]) {
        for (file, value) in queries {
            let where_: Comment = "\(file):\(value.line): \(value.text)"
            do {
                let expr = try Parser.parse(value.text)
                let printed = expr.description
                let again = try Parser.parse(printed)
                #expect(again == expr, where_)
                #expect(again.description == printed, where_)
                #expect(!expr.vectorSelectors.isEmpty || expr.valueType == .scalar || printed.hasPrefix("vector("), where_)
            } catch {
                Issue.record("\(where_): \(error)")
            }
        }
    }

    @Test(.enabled(if: isAvailable, missing))
    func promtoolCases() throws {
        let queries = try Self.queries(in: Self.files(under: "promql", suffixes: [".yml"]))
        #expect(queries.count >= 90, "every expr: of the promtool cases (93 when written)")
        Self.checkRoundTrip(queries)
    }

    @Test(.enabled(if: isAvailable, missing))
    func slothSpecsAndGeneratedRules() throws {
        let queries = try Self.queries(in: Self.files(under: "sloth", suffixes: [".yml", ".yaml", ".tpl"]))
        #expect(queries.count >= 400, "every query of the Sloth data (432 when written)")
        let sources = Set(queries.map(\.file))
        #expect(sources.contains("sloth/examples/getting-started.yml"))
        #expect(sources.contains("sloth/examples/_gen/kubernetes-apiserver.yml"))
        #expect(sources.contains("sloth/test/integration/prometheus/testdata/out-base-k8s.yaml.tpl"))
        Self.checkRoundTrip(queries)
    }

    @Test func readerHandlesScalarStyles() {
        let yaml = """
            rules:
              - expr: plain + scalar
                  continued
                labels: {}
              - expr: "quoted \\"x\\"
                  continued"
              - expr: 'single ''q'''
              - expr: |
                  block
                    indented
              - record: x
                expr: >-
                  folded
                  text
            """
        let values = YAMLScalarReader(yaml).values(of: ["expr"]).map(\.text)
        #expect(values == ["plain + scalar continued", "quoted \"x\" continued", "single 'q'", "block\n  indented", "folded text"])
    }
}
