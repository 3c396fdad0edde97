/// An accumulator of problems, passed through the parsers of one load.
public struct Diagnostics: Sendable {
    /// Everything reported so far, in the order it was reported.
    public private(set) var all: [Diagnostic] = []

    /// Creates an empty accumulator.
    public init() {}

    /// True when at least one error (not a warning) was reported.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// The errors only.
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }

    /// Reports an error at a location.
    public mutating func error(_ location: SourceLocation, _ message: String) {
        all.append(Diagnostic(location, message))
    }

    /// Reports a warning at a location.
    public mutating func warning(_ location: SourceLocation, _ message: String) {
        all.append(Diagnostic(location, message, severity: .warning))
    }

    /// Appends the problems of another accumulator.
    public mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
    }

    /// Appends diagnostics.
    public mutating func append(contentsOf other: [Diagnostic]) {
        all.append(contentsOf: other)
    }

    /// The problems sorted by file, line and column (stable for equal positions).
    public var sorted: [Diagnostic] {
        all.enumerated().sorted { lhs, rhs in
            let l = lhs.element.location
            let r = rhs.element.location
            if l.file != r.file { return l.file < r.file }
            if l.line != r.line { return l.line < r.line }
            if l.column != r.column { return l.column < r.column }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
