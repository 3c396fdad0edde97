/// Parses the text of an `AlertTemplate` into text and action nodes.
struct TemplateParser {
    typealias Operand = AlertTemplate.Operand
    private let chars: [Character]
    private var i = 0

    init(_ text: String) {
        chars = Array(text)
    }

    mutating func parse() throws(TemplateError) -> [AlertTemplate.Node] {
        var nodes: [AlertTemplate.Node] = []
        var text = ""
        var trimNextText = false
        while i < chars.count {
            if chars[i] == "{", i + 1 < chars.count, chars[i + 1] == "{" {
                i += 2
                if i + 1 < chars.count, chars[i] == "-", chars[i + 1].isWhitespace {
                    while let last = text.last, last.isWhitespace { text.removeLast() }
                    i += 1
                }
                if trimNextText { text = String(text.drop { $0.isWhitespace }) }
                if !text.isEmpty { nodes.append(.text(text)) }
                text = ""
                let (pipeline, trimAfter) = try parseAction()
                if let pipeline { nodes.append(.action(pipeline)) }
                trimNextText = trimAfter
            } else {
                text.append(chars[i])
                i += 1
            }
        }
        if trimNextText { text = String(text.drop { $0.isWhitespace }) }
        if !text.isEmpty { nodes.append(.text(text)) }
        return nodes
    }

    /// Parses from after `{{` through `}}`; nil for a comment.
    private mutating func parseAction() throws(TemplateError) -> ([[Operand]]?, Bool) {
        skipSpaces()
        if matches("/*") {
            guard let end = find("*/") else { throw TemplateError("unclosed comment") }
            i = end + 2
            let trim = try closeAction()
            return (nil, trim)
        }
        let pipeline = try parsePipeline()
        let trim = try closeAction()
        return (pipeline, trim)
    }

    private mutating func closeAction() throws(TemplateError) -> Bool {
        skipSpaces()
        if matches("-}}") {
            i += 3
            return true
        }
        guard matches("}}") else { throw TemplateError("unexpected \(peekDescription) in command") }
        i += 2
        return false
    }

    private mutating func parsePipeline() throws(TemplateError) -> [[Operand]] {
        var commands: [[Operand]] = []
        var command: [Operand] = []
        while true {
            skipSpaces()
            guard i < chars.count else { throw TemplateError("unclosed action") }
            let c = chars[i]
            if c == "}" || c == ")" || (c == "-" && matches("-}}")) { break }
            if c == "|" {
                i += 1
                guard !command.isEmpty else { throw TemplateError("missing command") }
                commands.append(command)
                command = []
                continue
            }
            command.append(try parseOperand())
        }
        guard !command.isEmpty else { throw TemplateError("missing value for command") }
        commands.append(command)
        return commands
    }

    private mutating func parseOperand() throws(TemplateError) -> Operand {
        let c = chars[i]
        switch c {
        case "(":
            i += 1
            let inner = try parsePipeline()
            guard i < chars.count, chars[i] == ")" else { throw TemplateError("unclosed left paren") }
            i += 1
            return .pipeline(inner)
        case "\"":
            return .literal(.string(try parseQuoted()))
        case "`":
            i += 1
            var s = ""
            while i < chars.count, chars[i] != "`" { s.append(chars[i]); i += 1 }
            guard i < chars.count else { throw TemplateError("unterminated raw quoted string") }
            i += 1
            return .literal(.string(s))
        case "$":
            let word = readWord()
            var parts = word.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            let name = parts.removeFirst()
            return .variable(name, fields: parts)
        case ".":
            let word = readWord()
            if word == "." { return .dot }
            return .field(word.dropFirst().split(separator: ".").map(String.init))
        default:
            let word = readWord()
            if word.isEmpty { throw TemplateError("unexpected \(peekDescription) in operand") }
            if word == "true" || word == "false" { return .literal(.bool(word == "true")) }
            if let first = word.first, first.isNumber || first == "-" || first == "+" {
                if let int = Int(word) { return .literal(.int(int)) }
                if let double = Double(word) { return .literal(.float(double)) }
                throw TemplateError("bad number syntax: \"\(word)\"")
            }
            if ["if", "else", "end", "range", "with", "define", "template", "block", "break", "continue"].contains(word) {
                throw TemplateError("the \"\(word)\" action is not supported by Burnrate")
            }
            return .function(word)
        }
    }

    private mutating func parseQuoted() throws(TemplateError) -> String {
        i += 1
        var s = ""
        while i < chars.count, chars[i] != "\"" {
            if chars[i] == "\\", i + 1 < chars.count {
                i += 1
                switch chars[i] {
                case "n": s.append("\n")
                case "t": s.append("\t")
                case "r": s.append("\r")
                default: s.append(chars[i])
                }
            } else {
                s.append(chars[i])
            }
            i += 1
        }
        guard i < chars.count else { throw TemplateError("unterminated quoted string") }
        i += 1
        return s
    }

    private mutating func readWord() -> String {
        var word = ""
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace || c == "|" || c == "(" || c == ")" || c == "}" || c == "\"" { break }
            word.append(c)
            i += 1
        }
        return word
    }

    private mutating func skipSpaces() {
        while i < chars.count, chars[i].isWhitespace { i += 1 }
    }

    private func matches(_ text: String) -> Bool {
        var j = i
        for c in text {
            guard j < chars.count, chars[j] == c else { return false }
            j += 1
        }
        return true
    }

    private func find(_ text: String) -> Int? {
        var j = i
        let pattern = Array(text)
        while j + pattern.count <= chars.count {
            if Array(chars[j..<j + pattern.count]) == pattern { return j }
            j += 1
        }
        return nil
    }

    private var peekDescription: String {
        i < chars.count ? "\"\(chars[i])\"" : "EOF"
    }
}
