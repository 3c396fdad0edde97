/// A fully anchored regular expression for label matching, checked against RE2's syntax.
final class CompiledRegex: @unchecked Sendable {
    // Regex is a value type without shared mutable state; it is only read after init.
    private let regex: Regex<AnyRegexOutput>

    private init(regex: Regex<AnyRegexOutput>) {
        self.regex = regex
    }

    func matches(_ value: String) -> Bool {
        (try? regex.wholeMatch(in: value)) != nil
    }

    /// Compiles `^(?:pattern)$` like Prometheus, or fails with a Prometheus-like message.
    static func compile(_ pattern: String) -> Result<CompiledRegex, RegexFailure> {
        let anchored = "^(?:" + pattern + ")$"
        if let problem = RE2Syntax.unsupportedConstruct(in: pattern) {
            return .failure(RegexFailure(message: "error parsing regexp: \(problem)"))
        }
        do {
            let regex = try Regex(anchored)
                .matchingSemantics(.unicodeScalar)
                .asciiOnlyDigits().asciiOnlyWhitespace().asciiOnlyWordCharacters()
            return .success(CompiledRegex(regex: regex))
        } catch {
            return .failure(RegexFailure(message: "error parsing regexp: \(error): `\(anchored)`"))
        }
    }
}

/// The message of a regular expression that does not compile.
struct RegexFailure: Error {
    var message: String
}
