/// One problem found in a rule or configuration file, with where it is.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious a problem is: errors make a file invalid, warnings do not.
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong, in words a user can act on.
    public var message: String
    /// Whether the problem makes the file invalid.
    public var severity: Severity

    /// Creates a diagnostic.
    public init(_ location: SourceLocation, _ message: String, severity: Severity = .error) {
        self.location = location
        self.message = message
        self.severity = severity
    }

    /// `file:line:col: message`, or `file:line:col: warning: message` for warnings.
    public var description: String {
        switch severity {
        case .error: "\(location): \(message)"
        case .warning: "\(location): warning: \(message)"
        }
    }
}

/// An error carrying every problem found, thrown when files are not valid.
public struct RuleValidationError: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var diagnostics: [Diagnostic]

    /// Creates the error from the problems found.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One problem per line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
