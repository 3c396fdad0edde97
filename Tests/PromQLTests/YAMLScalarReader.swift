/// Reads the values of chosen keys from YAML text, line by line, without a YAML library.
///
/// It understands what the conformance files use: plain scalars (continued on more-indented
/// lines), `"…"` and `'…'` scalars (possibly over several lines), and `|`/`>` block scalars.
struct YAMLScalarReader {
    /// A value found, with the 1-based line of its key.
    struct Value: CustomStringConvertible {
        var text: String
        var line: Int
        var description: String { "line \(line): \(text)" }
    }

    let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? line.dropLast() : line
        }
    }

    static func indentation(_ line: Substring) -> Int {
        line.prefix { $0 == " " }.count
    }

    /// The values of every `key:` among `keys`, in file order.
    func values(of keys: Set<String>) -> [Value] {
        var result: [Value] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            var rest = line.drop { $0 == " " }
            var keyIndent = Self.indentation(line)
            if rest.hasPrefix("- ") {
                rest = rest.dropFirst(2).drop { $0 == " " }
                keyIndent = line.count - rest.count
            }
            guard let colon = rest.firstIndex(of: ":"), keys.contains(String(rest[..<colon])) else {
                index += 1
                continue
            }
            let start = rest[rest.index(after: colon)...].drop { $0 == " " }
            let (text, next) = scalar(start, keyIndent: keyIndent, after: index)
            result.append(Value(text: text, line: index + 1))
            index = next
        }
        return result
    }

    /// Reads the scalar starting with `start` on line `index`; returns it and the next line to read.
    private func scalar(_ start: Substring, keyIndent: Int, after index: Int) -> (String, Int) {
        if start.hasPrefix("|") || start.hasPrefix(">") {
            var body: [Substring] = []
            var next = index + 1
            while next < lines.count, lines[next].allSatisfy({ $0 == " " }) || Self.indentation(lines[next]) > keyIndent {
                body.append(lines[next])
                next += 1
            }
            let indent = body.filter { !$0.allSatisfy { $0 == " " } }.map(Self.indentation).min() ?? 0
            let text = body.map { $0.count >= indent ? String($0.dropFirst(indent)) : "" }
            return (text.joined(separator: start.hasPrefix(">") ? " " : "\n"), next)
        }
        if let quote = start.first, quote == "\"" || quote == "'" {
            var text = String(start.dropFirst())
            var next = index + 1
            while !Self.isClosed(text, quote: quote), next < lines.count {
                text += " " + lines[next].drop { $0 == " " }
                next += 1
            }
            return (Self.unquote(text, quote: quote), next)
        }
        var text = String(start)
        var next = index + 1
        while next < lines.count, !lines[next].allSatisfy({ $0 == " " }), Self.indentation(lines[next]) > keyIndent {
            text += " " + lines[next].drop { $0 == " " }
            next += 1
        }
        return (text, next)
    }

    private static func isClosed(_ text: String, quote: Character) -> Bool {
        var escaped = false
        var chars = Array(text)
        while let c = chars.first {
            chars.removeFirst()
            if quote == "\"" && c == "\\" && !escaped {
                escaped = true
                continue
            }
            if c == quote && !escaped {
                if quote == "'" && chars.first == "'" {
                    chars.removeFirst()
                    continue
                }
                return true
            }
            escaped = false
        }
        return false
    }

    private static func unquote(_ text: String, quote: Character) -> String {
        var result = ""
        var chars = text[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == quote {
                if quote == "'" && chars.first == "'" {
                    result.append("'")
                    chars = chars.dropFirst()
                    continue
                }
                break
            }
            if quote == "\"" && c == "\\", let e = chars.first {
                chars = chars.dropFirst()
                switch e {
                case "n": result.append("\n")
                case "t": result.append("\t")
                default: result.append(e)
                }
                continue
            }
            result.append(c)
        }
        return result
    }
}
