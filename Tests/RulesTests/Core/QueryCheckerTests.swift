import Rules
import Testing

/// PromQL errors are reported at their position in the file, inside every kind of YAML scalar.
@Suite struct QueryCheckerTests {
    private func errors(_ text: String, file: String = "q.yml") -> [String] {
        RuleLoader().load(files: [RuleFile(path: file, contents: text)]).errors.map(\.description)
    }

    @Test func plainScalar() {
        let text = "groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: sum(rate(x[5m])) by (job\n"
        #expect(errors(text).first?.hasPrefix("q.yml:5:") == true)
        #expect(errors(text).first?.contains("could not parse expression") == true)
    }

    @Test func errorColumnInsideAPlainQuery() {
        // The `~` after `{a` is at column 11 of the query; the query starts at column 15.
        let text = "groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up{a~\"b\"}\n"
        #expect(errors(text) == [
            "q.yml:5:19: alerting rule \"A\": could not parse expression: unexpected character inside braces: '~'",
        ])
    }

    @Test func doubleQuotedScalar() {
        let text = "groups:\n  - name: a\n    rules:\n      - record: a:b\n        expr: \"up{a~'b'}\"\n"
        #expect(errors(text).first?.hasPrefix("q.yml:5:20:") == true)
    }

    @Test func blockScalarErrorOnItsThirdLine() {
        let text = """
            groups:
              - name: a
                rules:
                  - record: a:b
                    expr: |
                      sum(rate(x[5m]))
                        /
                      sum(rate(y{code=~"5.."[5m]))
            """
        #expect(errors(text) == [
            "q.yml:8:33: recording rule \"a:b\": could not parse expression: unexpected character inside braces: '['",
        ])
    }

    @Test func slothQueryColumnsAccountForTheWindowPlaceholder() {
        let text = """
            version: "prometheus/v1"
            service: svc
            slos:
              - name: s1
                objective: 99
                sli:
                  raw:
                    error_ratio_query: rate(x[{{.window}}]) / rate(y{a~"b"}[{{.window}}])
                alerting:
                  page_alert: {disable: true}
                  ticket_alert: {disable: true}
            """
        // `~` is column 32 of the template (column 23 once {{.window}} is rendered as 5m); the
        // query starts at column 28 of line 8.
        let first = errors(text).first ?? ""
        #expect(first.hasPrefix("q.yml:8:59:"), "\(first)")
        #expect(first.contains("unexpected character inside braces: '~'"))
    }

    @Test func typeErrorsAreReportedToo() {
        let text = "groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: rate(up)\n"
        #expect(errors(text).first?.contains("expected type range vector in call to function \"rate\", got instant vector") == true)
    }
}
