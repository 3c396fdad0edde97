/// An error in a PromQL query, with its position inside the query text.
///
/// The position follows Prometheus: `offset` is a UTF-8 byte offset into the query,
/// `line` is 1-based and `column` is the 1-based UTF-8 byte column within that line.
/// `description` prints `line:column: parse error: message`, as Prometheus does.
public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in Prometheus' wording where practical.
    public var message: String
    /// The UTF-8 byte offset of the problem inside the query.
    public var offset: Int
    /// The 1-based line of the problem inside the query.
    public var line: Int
    /// The 1-based column (in UTF-8 bytes) of the problem inside its line.
    public var column: Int

    /// Creates an error with an explicit position.
    public init(message: String, offset: Int, line: Int, column: Int) {
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// Creates an error at a byte offset of `source`, computing line and column.
    init(_ message: String, at offset: Int, in source: [UInt8]) {
        let clamped = max(0, min(offset, source.count))
        var line = 1
        var lastBreak = -1
        var index = 0
        while index < clamped {
            if source[index] == UInt8(ascii: "\n") {
                line += 1
                lastBreak = index
            }
            index += 1
        }
        self.init(message: message, offset: clamped, line: line, column: clamped - lastBreak)
    }

    /// The error as Prometheus prints it: `line:column: parse error: message`.
    public var description: String {
        "\(line):\(column): parse error: \(message)"
    }
}
