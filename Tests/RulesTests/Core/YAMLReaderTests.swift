import Rules
import Testing

@Suite struct YAMLReaderTests {
    @Test func syntaxErrorOnLine7IsReportedAtLine7() {
        let text = """
            groups:
              - name: ok
                rules:
                  - record: a:b
                    expr: up
                  - record: c:d
                    expr: "unterminated
            """
        let result = RuleLoader().load(files: [RuleFile(path: "broken.yml", contents: text)])
        #expect(!result.isValid)
        let error = try! #require(result.errors.first)
        #expect(error.location.file == "broken.yml")
        #expect(error.location.line == 7 || error.location.line == 8)
        #expect(error.message.hasPrefix("YAML syntax error"))
    }

    @Test func tabIndentationIsASyntaxErrorAtItsLine() {
        let text = "groups:\n  - name: x\n    rules: []\n\n\n\n\tbad: 1\n"
        let (_, problems) = YAMLReader.documents(in: text, file: "tabs.yml")
        #expect(problems.count == 1)
        #expect(problems.first?.location.line == 7)
    }

    @Test func nodesCarryLineAndColumn() throws {
        let (documents, problems) = YAMLReader.documents(in: "a: 1\nb:\n  c: \"x\"\n", file: "f.yml")
        #expect(problems.isEmpty)
        let root = try #require(documents.first?.root)
        let c = try #require(root["b"]?["c"])
        #expect(c.location == SourceLocation(file: "f.yml", line: 3, column: 6))
        #expect(c.scalar == "x")
        guard case .scalar(_, let plain, let tag) = c.kind else {
            Issue.record("expected a scalar")
            return
        }
        #expect(!plain)
        #expect(tag == .string)
        guard case .scalar(_, true, .int) = try #require(root["a"]).kind else {
            Issue.record("expected a plain integer")
            return
        }
    }

    @Test func multipleDocumentsAreReadSeparately() {
        let (documents, problems) = YAMLReader.documents(in: "a: 1\n---\nb: 2\n---\n# only a comment\n", file: "m.yml")
        #expect(problems.isEmpty)
        #expect(documents.count >= 2)
        #expect(documents[0].root?["a"]?.scalar == "1")
        #expect(documents[1].root?["b"]?.scalar == "2")
        #expect(documents[1].root?["b"]?.location.line == 3)
    }
}
