internal import Rules

/// A rule-file problem in an API answer.
struct DiagnosticDocument: Encodable, Sendable {
    let file: String
    let line: Int
    let column: Int
    let severity: String
    let message: String
    let text: String

    init(_ diagnostic: Diagnostic) {
        file = diagnostic.location.file
        line = diagnostic.location.line
        column = diagnostic.location.column
        severity = diagnostic.severity.rawValue
        message = diagnostic.message
        text = diagnostic.description
    }
}
