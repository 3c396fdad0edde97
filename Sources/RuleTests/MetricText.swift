public import Storage

/// Reads a series written as Prometheus prints it, `name{label="value", ...}`, `name` or
/// `{label="value"}` (as promtool's `input_series` and `exp_samples` labels are).
public enum MetricText {
    /// The label set; throws with Prometheus-like wording when the text is not a series.
    public static func parse(_ text: String) throws(RuleTestError) -> Labels {
        let chars = Array(text)
        var i = 0
        func skipSpaces() { while i < chars.count, chars[i].isWhitespace { i += 1 } }
        func isNameChar(_ c: Character, first: Bool) -> Bool {
            c == "_" || c == ":" || (c.isASCII && c.isLetter) || (!first && c.isASCII && c.isNumber)
        }
        var labels: [Label] = []
        skipSpaces()
        var name = ""
        while i < chars.count, isNameChar(chars[i], first: name.isEmpty) {
            name.append(chars[i])
            i += 1
        }
        if !name.isEmpty { labels.append(Label(name: Label.metricName, value: name)) }
        skipSpaces()
        if i < chars.count, chars[i] == "{" {
            i += 1
            while true {
                skipSpaces()
                guard i < chars.count else { throw RuleTestError("1:\(i + 1): parse error: unexpected end of input inside braces") }
                if chars[i] == "}" { i += 1; break }
                var labelName = ""
                while i < chars.count, isNameChar(chars[i], first: labelName.isEmpty) {
                    labelName.append(chars[i])
                    i += 1
                }
                guard !labelName.isEmpty else { throw RuleTestError("1:\(i + 1): parse error: unexpected character in label matching: \(describe(chars, i))") }
                skipSpaces()
                guard i < chars.count, chars[i] == "=" else { throw RuleTestError("1:\(i + 1): parse error: expected \"=\" after label name \(labelName)") }
                i += 1
                skipSpaces()
                guard i < chars.count, let quote = Optional(chars[i]), quote == "\"" || quote == "'" || quote == "`" else {
                    throw RuleTestError("1:\(i + 1): parse error: expected a quoted label value")
                }
                i += 1
                var value = ""
                while i < chars.count, chars[i] != quote {
                    if chars[i] == "\\", quote != "`", i + 1 < chars.count {
                        i += 1
                        switch chars[i] {
                        case "n": value.append("\n")
                        case "t": value.append("\t")
                        case "r": value.append("\r")
                        default: value.append(chars[i])
                        }
                    } else {
                        value.append(chars[i])
                    }
                    i += 1
                }
                guard i < chars.count else { throw RuleTestError("1:\(i + 1): parse error: unterminated quoted string") }
                i += 1
                labels.append(Label(name: labelName, value: value))
                skipSpaces()
                guard i < chars.count else { throw RuleTestError("1:\(i + 1): parse error: unexpected end of input inside braces") }
                if chars[i] == "," { i += 1; continue }
                if i < chars.count, chars[i] == "}" { i += 1; break }
                throw RuleTestError("1:\(i + 1): parse error: unexpected \(describe(chars, i)) in label matching, expected \",\" or \"}\"")
            }
        }
        skipSpaces()
        guard i == chars.count else { throw RuleTestError("1:\(i + 1): parse error: unexpected \(describe(chars, i))") }
        return Labels(labels)
    }

    private static func describe(_ chars: [Character], _ i: Int) -> String {
        i < chars.count ? "\"\(chars[i])\"" : "end of input"
    }
}
