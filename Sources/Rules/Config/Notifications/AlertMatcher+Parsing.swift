extension AlertMatcher {
    /// Parses matchers as Alertmanager 0.25 reads one entry of `matchers`: one or more matchers
    /// separated by commas, optionally inside `{...}`; each is `name op value` with the value in
    /// double quotes or unquoted (`\\`, `\"` and `\n` escapes in both).
    public static func parseList(_ text: String) throws(AlertMatcherError) -> [AlertMatcher] {
        var body = Substring(text).trimmingSpaces()
        if body.hasPrefix("{") {
            guard body.hasSuffix("}"), body.count >= 2 else {
                throw AlertMatcherError("bad matcher format: \(text)")
            }
            body = body.dropFirst().dropLast()
        } else if body.hasSuffix("}") {
            throw AlertMatcherError("bad matcher format: \(text)")
        }
        var result: [AlertMatcher] = []
        for part in splitOutsideQuotes(body) {
            let trimmed = part.trimmingSpaces()
            if trimmed.isEmpty {
                // A trailing comma is tolerated, as Alertmanager does.
                continue
            }
            result.append(try parse(String(trimmed)))
        }
        return result
    }

    /// Parses one matcher such as `severity="critical"` or `env!=dev`.
    public static func parse(_ text: String) throws(AlertMatcherError) -> AlertMatcher {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        let nameStart = index
        while index < scalars.count, isNameScalar(scalars[index], first: index == nameStart) { index += 1 }
        guard index > nameStart else { throw AlertMatcherError("bad matcher format: \(text)") }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<index]))
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        let op: Operator
        func at(_ offset: Int) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }
        switch (at(0), at(1)) {
        case ("=", "~"): op = .regexMatch; index += 2
        case ("!", "="): op = .notEqual; index += 2
        case ("!", "~"): op = .regexNoMatch; index += 2
        case ("=", _): op = .equal; index += 1
        default: throw AlertMatcherError("bad matcher format: \(text)")
        }
        var raw = Substring(String(String.UnicodeScalarView(scalars[index...]))).trimmingSpaces()
        let quoted = raw.count >= 2 && raw.hasPrefix("\"") && raw.hasSuffix("\"")
        if quoted { raw = raw.dropFirst().dropLast() }
        var value = ""
        var escaped = false
        for character in raw.unicodeScalars {
            if escaped {
                switch character {
                case "n": value += "\n"
                case "\\", "\"": value.unicodeScalars.append(character)
                default:
                    value += "\\"
                    value.unicodeScalars.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                throw AlertMatcherError("matcher value contains unescaped double quote: \(raw)")
            } else {
                value.unicodeScalars.append(character)
            }
        }
        if escaped { value += "\\" }
        return try AlertMatcher(name: name, op: op, value: value)
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar, first: Bool) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "_", ":": true
        case "0"..."9": !first
        default: false
        }
    }

    /// Splits at commas that are not inside a double-quoted value.
    private static func splitOutsideQuotes(_ text: Substring) -> [Substring] {
        var parts: [Substring] = []
        var start = text.startIndex
        var inQuotes = false
        var escaped = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                inQuotes.toggle()
            } else if character == ",", !inQuotes {
                parts.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        parts.append(text[start..<text.endIndex])
        return parts
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" || first == "\n" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" || last == "\n" { result = result.dropLast() }
        return result
    }
}
