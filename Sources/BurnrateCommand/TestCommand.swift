import ArgumentParser
import Foundation
import RuleTests

/// `burnrate test`: unit tests for rules.
struct TestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Unit-test rules.",
        subcommands: [TestRulesCommand.self]
    )
}

/// `burnrate test rules FILE...`: runs promtool's rule unit-test files and prints failures as promtool does.
struct TestRulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Run promtool-format rule unit tests (`promtool test rules`).",
        discussion: "Exit codes: 0 all tests passed, 1 a test failed, 2 usage error."
    )

    @Argument(help: "Test files in promtool's unit-test format.")
    var files: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one test file") }
    }

    func run() async throws {
        let runner = RuleTestRunner()
        var failed = false
        for file in files {
            let result = await runner.run(file: file)
            FileHandle.standardOutput.write(Data(result.standardOutput.utf8))
            FileHandle.standardError.write(Data(result.standardError.utf8))
            failed = failed || !result.passed
        }
        if failed { throw ExitCode(1) }
    }
}
