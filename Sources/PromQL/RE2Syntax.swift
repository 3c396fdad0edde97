/// Checks for the regular-expression features Swift's `Regex` accepts but Go's RE2 rejects.
enum RE2Syntax {
    /// Returns Go's error text for the first construct RE2 does not support, or nil.
    static func unsupportedConstruct(in pattern: String) -> String? {
        let anchored = "`^(?:" + pattern + ")$`"
        let chars = Array(pattern.unicodeScalars)
        var index = 0
        var inClass = false
        var classStart = 0
        var depth = 0
        var previousWasRepeat = false
        // Whether the previous item can be repeated (not at the start, nor after `(` or `|`).
        var canRepeat = false
        while index < chars.count {
            let c = chars[index]
            if c == "\\" {
                guard index + 1 < chars.count else {
                    return "trailing backslash at end of expression: ``"
                }
                let next = chars[index + 1]
                if !inClass, ("1"..."9").contains(next) || next == "k" || next == "g" || next == "Z" || next == "G"
                    || next == "R" || next == "K" || next == "X" || next == "h" || next == "H" || next == "N"
                    || next == "o" || next == "e" || next == "c" || next == "O"
                {
                    return "invalid escape sequence: `\\\(next)`"
                }
                index += 2
                previousWasRepeat = false
                canRepeat = true
                continue
            }
            if inClass {
                if c == "]" {
                    inClass = false
                } else if c == "-", index > classStart, index + 1 < chars.count, chars[index + 1] != "]",
                    chars[index - 1] != "\\", chars[index + 1] != "\\", chars[index - 1] > chars[index + 1]
                {
                    return "invalid character class range: `\(chars[index - 1])-\(chars[index + 1])`"
                }
                index += 1
                continue
            }
            switch c {
            case "[":
                inClass = true
                index += 1
                // A leading `]` or `^]` is a literal inside the class.
                if index < chars.count, chars[index] == "^" { index += 1 }
                if index < chars.count, chars[index] == "]" { index += 1 }
                classStart = index
                previousWasRepeat = false
                canRepeat = true
                continue
            case ")":
                if depth == 0 { return "unexpected ): \(anchored)" }
                depth -= 1
                previousWasRepeat = false
                canRepeat = true
            case "|":
                previousWasRepeat = false
                canRepeat = false
            case "(":
                depth += 1
                canRepeat = false
                if index + 2 < chars.count, chars[index + 1] == "?" {
                    let third = chars[index + 2]
                    if third == "=" || third == "!" || third == ">" || third == "|" || third == "#" {
                        return "invalid or unsupported Perl syntax: `(?\(third)`"
                    }
                    if third == "<", index + 3 < chars.count, chars[index + 3] == "=" || chars[index + 3] == "!" {
                        return "invalid or unsupported Perl syntax: `(?<`"
                    }
                }
                previousWasRepeat = false
                if index + 1 < chars.count, chars[index + 1] == "?" {
                    // Skip the `?` of `(?:`, `(?i)`, `(?P<name>`: it is not a repetition.
                    index += 2
                    continue
                }
            case "*", "+", "?":
                if previousWasRepeat {
                    // `x*?` is a lazy repetition, valid in RE2; anything else stacked is not.
                    if c == "?" {
                        previousWasRepeat = false
                        index += 1
                        continue
                    }
                    return "invalid nested repetition operator: `\(chars[index - 1])\(c)`"
                }
                if !canRepeat { return "missing argument to repetition operator: `\(c)`" }
                previousWasRepeat = true
                index += 1
                continue
            case "{":
                if let end = repeatEnd(chars, from: index) {
                    if previousWasRepeat {
                        return "invalid nested repetition operator: `\(String(String.UnicodeScalarView(chars[index...end])))`"
                    }
                    if !canRepeat {
                        return "missing argument to repetition operator: `\(String(String.UnicodeScalarView(chars[index...end])))`"
                    }
                    if let problem = repeatCountProblem(chars, from: index, to: end) { return problem }
                    previousWasRepeat = true
                    index = end + 1
                    continue
                }
                previousWasRepeat = false
            default:
                previousWasRepeat = false
                canRepeat = true
            }
            index += 1
        }
        if depth > 0 { return "missing closing ): \(anchored)" }
        return nil
    }

    /// The index of the `}` closing a `{n}`, `{n,}` or `{n,m}` repetition starting at `start`.
    private static func repeatEnd(_ chars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start + 1
        var sawDigit = false
        var sawComma = false
        while index < chars.count {
            let c = chars[index]
            if ("0"..."9").contains(c) {
                sawDigit = true
            } else if c == ",", !sawComma, sawDigit {
                sawComma = true
            } else if c == "}", sawDigit {
                return index
            } else {
                return nil
            }
            index += 1
        }
        return nil
    }

    private static func repeatCountProblem(_ chars: [Unicode.Scalar], from start: Int, to end: Int) -> String? {
        let text = String(String.UnicodeScalarView(chars[start...end]))
        let inner = text.dropFirst().dropLast()
        let parts = inner.split(separator: ",", omittingEmptySubsequences: false)
        let low = Int(parts[0]) ?? Int.max
        let high = parts.count > 1 ? (parts[1].isEmpty ? nil : (Int(parts[1]) ?? Int.max)) : low
        if low > 1000 || (high ?? 0) > 1000 || (high.map { $0 < low } ?? false) {
            return "invalid repeat count: `\(text)`"
        }
        return nil
    }
}
