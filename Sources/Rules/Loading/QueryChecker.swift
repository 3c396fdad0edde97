/// Checks the PromQL of rules and SLIs and reports a syntax error at its position in the file,
/// inside plain, quoted and block scalars alike.
enum QueryChecker {
    /// The window substituted for `{{.window}}` before an SLI query is parsed.
    static let checkWindow = "5m"

    /// Checks a rule expression written at `location` (the scalar's start) in a file whose text is `fileText`.
    static func check(_ query: String, at location: SourceLocation, in fileText: String, what: String, diagnostics: inout Diagnostics) {
        guard let problem = PromQLBridge.check(query) else { return }
        let position = fileLocation(line: problem.line, column: problem.column, scalarAt: location, fileText: fileText)
        diagnostics.error(position, "\(what): could not parse expression: \(problem.message)")
    }

    /// Checks an SLI query template with `{{.window}}` rendered as `5m`; positions point into the template.
    static func check(_ template: QueryTemplate, in fileText: String, what: String, diagnostics: inout Diagnostics) {
        let rendered = template.render(window: checkWindow)
        guard let problem = PromQLBridge.check(rendered) else { return }
        let column = templateColumn(renderedLine: problem.line, renderedColumn: problem.column, template: template.text)
        let position = fileLocation(line: problem.line, column: column, scalarAt: template.location, fileText: fileText)
        diagnostics.error(position, "\(what): could not parse query (with {{.window}} as \(checkWindow)): \(problem.message)")
    }

    /// Maps a column of the rendered query back to the template, undoing the length change of each
    /// placeholder before it on the same line.
    static func templateColumn(renderedLine: Int, renderedColumn: Int, template: String) -> Int {
        let lines = template.split(separator: "\n", omittingEmptySubsequences: false)
        guard renderedLine >= 1, renderedLine <= lines.count else { return renderedColumn }
        let line = Array(String(lines[renderedLine - 1]).unicodeScalars)
        var templateIndex = 0
        var renderedIndex = 0
        let target = renderedColumn - 1
        while templateIndex < line.count, renderedIndex < target {
            if let length = placeholderLength(in: line, at: templateIndex) {
                let next = renderedIndex + checkWindow.unicodeScalars.count
                if next > target { break }
                renderedIndex = next
                templateIndex += length
            } else {
                renderedIndex += 1
                templateIndex += 1
            }
        }
        return templateIndex + 1
    }

    private static func placeholderLength(in line: [Unicode.Scalar], at index: Int) -> Int? {
        guard index + 1 < line.count, line[index] == "{", line[index + 1] == "{" else { return nil }
        var end = index + 2
        var inner = ""
        while end + 1 < line.count, !(line[end] == "}" && line[end + 1] == "}") {
            if line[end] != " " { inner.unicodeScalars.append(line[end]) }
            end += 1
        }
        guard end + 1 < line.count, inner == ".window" else { return nil }
        return end + 2 - index
    }

    /// The file position of (line, column) inside the scalar that starts at `scalar`.
    static func fileLocation(line: Int, column: Int, scalarAt scalar: SourceLocation, fileText: String) -> SourceLocation {
        let lines = fileText.split(separator: "\n", omittingEmptySubsequences: false)
        guard scalar.line >= 1, scalar.line <= lines.count else { return scalar }
        let startLine = Array(lines[scalar.line - 1].unicodeScalars)
        let indicator = scalar.column - 1 < startLine.count ? startLine[scalar.column - 1] : " "
        switch indicator {
        case "|", ">":
            // Block scalar: content starts on a following line, at the block's indentation.
            var fileLine = scalar.line + 1
            while fileLine <= lines.count, lines[fileLine - 1].allSatisfy({ $0 == " " }) { fileLine += 1 }
            guard fileLine <= lines.count else { return scalar }
            let indent = lines[fileLine - 1].prefix { $0 == " " }.count
            if indicator == ">" {
                return SourceLocation(file: scalar.file, line: fileLine, column: indent + column)
            }
            return SourceLocation(file: scalar.file, line: fileLine + line - 1, column: indent + column)
        case "\"", "'":
            if line == 1 {
                return SourceLocation(file: scalar.file, line: scalar.line, column: scalar.column + column)
            }
            return SourceLocation(file: scalar.file, line: scalar.line + line - 1, column: column)
        default:
            if line == 1 {
                return SourceLocation(file: scalar.file, line: scalar.line, column: scalar.column + column - 1)
            }
            return SourceLocation(file: scalar.file, line: scalar.line + line - 1, column: column)
        }
    }
}
