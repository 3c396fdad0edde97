/// One lexical token of a PromQL query, with its UTF-8 byte range.
struct Token: Sendable, Equatable {
    var kind: TokenKind
    /// The token's text as written (for strings, including the quotes).
    var text: String
    /// The UTF-8 byte offset where the token starts.
    var start: Int
    /// The UTF-8 byte offset just past the token.
    var end: Int

    /// How Prometheus names the token in "unexpected ..." messages.
    var errorDescription: String {
        switch kind {
        case .eof: return "end of input"
        case .identifier: return "identifier \(GoFormat.quote(text))"
        case .metricIdentifier: return "metric identifier \(GoFormat.quote(text))"
        case .string: return "string \(GoFormat.quoteTruncated(text))"
        case .number: return "number \(GoFormat.quoteTruncated(text))"
        case .duration: return "duration \(GoFormat.quoteTruncated(text))"
        case .op, .matchOp(.notEqual), .matchOp(.regexMatch), .matchOp(.regexNoMatch):
            return "<op:\(text)>"
        case .aggregator: return "<aggr:\(text)>"
        case .keyword(let keyword) where keyword != .start && keyword != .end:
            return "<\(text)>"
        default: return GoFormat.quoteTruncated(text)
        }
    }
}

/// The kinds of PromQL tokens.
enum TokenKind: Sendable, Equatable {
    case eof
    /// A name without a colon, such as `rate` or `job`.
    case identifier
    /// A name with a colon, such as `job:requests:rate5m`.
    case metricIdentifier
    case number
    case string
    case duration
    case leftParen, rightParen, leftBrace, rightBrace, leftBracket, rightBracket
    case comma, colon, at
    /// `=` outside braces (never valid there).
    case assign
    /// A binary operator, including `and`, `or`, `unless` and `atan2`.
    case op(BinaryOperator)
    /// A label-matching operator inside braces.
    case matchOp(MatchType)
    case aggregator(AggregationOperator)
    case keyword(Keyword)
}

/// The keywords of PromQL (case-insensitive, like every keyword).
enum Keyword: String, Sendable, Equatable {
    case bool, by, without, on, ignoring, offset
    case groupLeft = "group_left"
    case groupRight = "group_right"
    case start, end
}
