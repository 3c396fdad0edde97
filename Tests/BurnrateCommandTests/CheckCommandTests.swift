import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test func theRepositoryRulesAreValid() throws {
        let result = try BurnrateBinary.run(["check", BurnrateBinary.repository.appendingPathComponent("rules").path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("SUCCESS"))
    }

    @Test func invalidRulesExit1WithPositions() throws {
        let directory = try temporaryDirectory()
        try Data("groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up\n        for: soon\n".utf8)
            .write(to: directory.appendingPathComponent("bad.yml"))
        let result = try BurnrateBinary.run(["check", "bad.yml"], in: directory)
        #expect(result.status == 1)
        #expect(result.stdout == "bad.yml:6:14: alerting rule \"A\": invalid duration for 'for': \"soon\" (expected e.g. 30s, 5m, 1h30m)\n")
        #expect(result.stderr.hasPrefix("FAILED: 1 error(s)"))
    }

    @Test func jsonOutput() throws {
        let directory = try temporaryDirectory()
        try Data("foo: 1\n".utf8).write(to: directory.appendingPathComponent("x.yml"))
        let result = try BurnrateBinary.run(["check", "--output", "json", "x.yml"], in: directory)
        #expect(result.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["valid"] as? Bool == false)
        let problems = try #require(report["problems"] as? [[String: Any]])
        #expect(problems.count == 1)
        #expect(problems[0]["file"] as? String == "x.yml")
        #expect(problems[0]["line"] as? Int == 1)
        #expect(problems[0]["column"] as? Int == 1)
        #expect(problems[0]["severity"] as? String == "error")
    }

    @Test(arguments: [["check"], ["check", "--output", "xml", "rules"], ["check", "--bogus", "rules"], ["frobnicate"]])
    func usageErrorsExit2(arguments: [String]) throws {
        let result = try BurnrateBinary.run(arguments)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test func helpExits0() throws {
        let result = try BurnrateBinary.run(["check", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("file:line:col"))
    }
}
