/// The outcome of one rule test file: promtool's failure messages, empty when every test passed.
public struct RuleTestResult: Sendable, Hashable {
    /// The test file, as given.
    public var file: String
    /// Each failure as promtool prints it (possibly several lines).
    public var failures: [String]

    /// Creates a result.
    public init(file: String, failures: [String]) {
        self.file = file
        self.failures = failures
    }

    /// Whether every test of the file passed.
    public var passed: Bool { failures.isEmpty }

    /// What promtool prints on standard output for the file.
    public var standardOutput: String {
        var text = "Unit Testing:  \(file)\n"
        if passed {
            text += "  SUCCESS\n"
        } else {
            text += String(repeating: "\n", count: failures.count)
        }
        return text + "\n"
    }

    /// What promtool prints on standard error for the file.
    public var standardError: String {
        passed ? "" : "  FAILED:\n" + failures.map { $0 + "\n" }.joined()
    }
}
