import Foundation
import Rules
import Testing

@Suite struct RuleLoaderTests {
    private func load(_ text: String, file: String = "r.yml") -> LoadResult {
        RuleLoader().load(files: [RuleFile(path: file, contents: text)])
    }

    @Test func aDocumentOfNoKnownFormatIsAnError() {
        let result = load("foo: bar\n")
        #expect(!result.isValid)
        #expect(result.errors.first?.location == SourceLocation(file: "r.yml", line: 1, column: 1))
        #expect(result.errors.first?.message.contains("not a rule file") == true)
    }

    @Test func aScalarDocumentIsAnError() {
        let result = load("just a string\n")
        #expect(result.errors.first?.message.contains("expected a mapping") == true)
    }

    @Test func unsupportedVersionIsAnErrorAtTheVersion() {
        let result = load("service: x\nversion: prometheus/v999\nslos: []\n")
        #expect(result.errors.first?.location == SourceLocation(file: "r.yml", line: 2, column: 10))
        #expect(result.errors.first?.message.contains("unsupported version \"prometheus/v999\"") == true)
    }

    @Test func unsupportedAPIVersionIsAnError() {
        let result = load("apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\n")
        #expect(result.errors.first?.message.contains("unsupported apiVersion") == true)
    }

    @Test func emptyFilesAndCommentOnlyDocumentsAreFine() {
        let result = load("# nothing here\n")
        #expect(result.isValid)
        #expect(result.ruleSet.groups.isEmpty)
    }

    @Test func directoriesAreSearchedRecursivelyForYAMLFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("burnrate-loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("team/a"), withIntermediateDirectories: true)
        try Data("groups: [{name: one, rules: [{record: 'a:b', expr: up}]}]\n".utf8).write(to: root.appendingPathComponent("team/a/one.yml"))
        try Data("groups: [{name: two, rules: [{record: 'c:d', expr: up}]}]\n".utf8).write(to: root.appendingPathComponent("two.yaml"))
        try Data("not: yaml rules".utf8).write(to: root.appendingPathComponent("README.md"))
        let result = RuleLoader().load(paths: [root.path])
        #expect(result.isValid)
        #expect(Set(result.ruleSet.groups.map(\.name)) == ["one", "two"])
        #expect(result.ruleSet.files.count == 2)
    }

    @Test func aMissingPathIsReported() {
        let result = RuleLoader().load(paths: ["/nonexistent/burnrate-rules"])
        #expect(result.errors.first?.description == "/nonexistent/burnrate-rules:1:1: no such file or directory")
    }

    @Test func problemsFromSeveralFilesAreAllReportedSorted() {
        let result = RuleLoader().load(files: [
            RuleFile(path: "b.yml", contents: "groups: [{name: '', rules: []}]\n"),
            RuleFile(path: "a.yml", contents: "foo: 1\n"),
        ])
        #expect(result.errors.map(\.location.file) == ["a.yml", "b.yml"])
    }
}
