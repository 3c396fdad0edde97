internal import Yams

/// Reads YAML text into `YAMLDocument`s with positions, turning syntax errors into diagnostics.
public enum YAMLReader {
    /// Parses every document of `text`. On a syntax error, returns the documents read before it
    /// and a diagnostic at the error's line and column.
    public static func documents(in text: String, file: String) -> (documents: [YAMLDocument], problems: [Diagnostic]) {
        var documents: [YAMLDocument] = []
        do {
            let parser = try Parser(yaml: text, resolver: .default, constructor: .default, encoding: .utf8)
            var index = 0
            while let node = try parser.nextRoot() {
                documents.append(YAMLDocument(file: file, index: index, root: convert(node, file: file), text: text))
                index += 1
            }
            return (documents, [])
        } catch let error as YamlError {
            return (documents, [diagnostic(for: error, file: file, text: text)])
        } catch {
            return (documents, [Diagnostic(SourceLocation(file: file, line: 1, column: 1), "cannot read YAML: \(error)")])
        }
    }

    private static func diagnostic(for error: YamlError, file: String, text: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return Diagnostic(SourceLocation(file: file, line: mark.line, column: mark.column), message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.sorted().first ?? ""
            let location = secondOccurrence(of: key, mappingAt: context.mark, in: text, file: file)
            let names = duplicates.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
            return Diagnostic(location, "duplicate key \(names) in mapping at line \(context.mark.line)")
        case .reader(let problem, let offset, _, let yaml):
            let (line, column) = lineAndColumn(ofUTF8Offset: offset ?? 0, in: yaml)
            return Diagnostic(SourceLocation(file: file, line: line, column: column), "YAML syntax error: \(problem)")
        default:
            return Diagnostic(SourceLocation(file: file, line: 1, column: 1), "YAML syntax error: \(error)")
        }
    }

    /// Where a duplicated key appears the second time in the block mapping that starts at `mark`.
    private static func secondOccurrence(of key: String, mappingAt mark: Mark, in text: String, file: String) -> SourceLocation {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var seen = 0
        var line = mark.line
        while line <= lines.count {
            let content = lines[line - 1]
            let indent = content.prefix { $0 == " " || $0 == "-" }.count
            let rest = content.dropFirst(indent)
            if indent + 1 == mark.column, rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") {
                seen += 1
                if seen == 2 { return SourceLocation(file: file, line: line, column: indent + 1) }
            }
            line += 1
        }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    private static func lineAndColumn(ofUTF8Offset offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for (index, byte) in text.utf8.enumerated() {
            if index >= offset { break }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    private static func convert(_ node: Node, file: String) -> YAMLNode {
        let mark = node.mark
        let location = SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
        switch node {
        case .scalar(let scalar):
            let plain = scalar.style == .plain || scalar.style == .any
            return YAMLNode(.scalar(scalar.string, plain: plain, tag: tag(of: node, plain: plain)), at: location)
        case .mapping(let mapping):
            let pairs = mapping.map { YAMLNode.Pair(key: convert($0.key, file: file), value: convert($0.value, file: file)) }
            return YAMLNode(.mapping(pairs), at: location)
        case .sequence(let sequence):
            return YAMLNode(.sequence(sequence.map { convert($0, file: file) }), at: location)
        case .alias:
            return YAMLNode(.scalar("", plain: true, tag: .null), at: location)
        }
    }

    private static func tag(of node: Node, plain: Bool) -> YAMLNode.ScalarTag {
        if !plain { return .string }
        switch node.tag.rawValue {
        case Tag.Name.str.rawValue: return .string
        case Tag.Name.int.rawValue: return .int
        case Tag.Name.float.rawValue: return .float
        case Tag.Name.bool.rawValue: return .bool
        case Tag.Name.null.rawValue: return .null
        case Tag.Name.timestamp.rawValue: return .timestamp
        default: return .other
        }
    }
}
