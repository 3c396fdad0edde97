/// A fully anchored regular expression over label values, with fast paths for the patterns
/// selectors use most: a literal, an alternation of literals, `.*` and `.+`.
final class ValuePattern: @unchecked Sendable {
    // Unchecked: `Regex` holds no shared mutable state and is only read after init.
    private enum Kind {
        case any
        case nonEmpty
        case literals(Set<String>)
        case regex(Regex<AnyRegexOutput>)
    }

    private let kind: Kind

    /// Compiles `^(?:pattern)$`; throws `.invalidArgument` when it does not compile.
    init(_ pattern: String) throws(StorageError) {
        if pattern == ".*" {
            kind = .any
        } else if pattern == ".+" {
            kind = .nonEmpty
        } else if let literals = Self.literalAlternatives(pattern) {
            kind = .literals(literals)
        } else {
            do {
                let regex = try Regex("^(?:" + pattern + ")$")
                    .matchingSemantics(.unicodeScalar)
                    .asciiOnlyDigits().asciiOnlyWhitespace().asciiOnlyWordCharacters()
                kind = .regex(regex)
            } catch {
                throw StorageError(.invalidArgument, "error parsing regexp \(Labels.quoted(pattern)): \(error)")
            }
        }
    }

    /// Whether the whole of `value` matches.
    func matches(_ value: String) -> Bool {
        switch kind {
        case .any: true
        case .nonEmpty: !value.isEmpty
        case .literals(let literals): literals.contains(value)
        case .regex(let regex): (try? regex.wholeMatch(in: value)) != nil
        }
    }

    /// The alternatives of `a|b|c` when every one is a plain ASCII literal, or `nil`.
    private static func literalAlternatives(_ pattern: String) -> Set<String>? {
        let special = Set("\\.+*?()[]{}^$".utf8)
        guard pattern.utf8.allSatisfy({ $0 < 0x80 && !special.contains($0) }) else { return nil }
        return Set(pattern.split(separator: "|", omittingEmptySubsequences: false).map(String.init))
    }
}
