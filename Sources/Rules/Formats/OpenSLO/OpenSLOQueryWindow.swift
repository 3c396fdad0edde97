/// Gives an OpenSLO Prometheus query the `{{.window}}` an SLI needs.
///
/// A query that already contains `{{.window}}` is used as written (Sloth's convention). A query
/// that is a plain vector selector, alone or inside `sum(...)` (with or without `by`/`without`),
/// gets a range function wrapped around the selector: `increase` for counters, `sum_over_time` for
/// numbers that go up and down, `avg_over_time` for pre-computed ratios. Anything else cannot be
/// counted over a window without guessing, and is reported by the caller.
enum OpenSLOQueryWindow {
    /// How the values of a query are counted over a window.
    enum Counting: String, Sendable {
        /// A monotonic counter: `increase(selector[window])`.
        case counter = "increase"
        /// A number per sample: `sum_over_time(selector[window])`.
        case gauge = "sum_over_time"
        /// A ratio per sample: `avg_over_time(selector[window])`.
        case ratio = "avg_over_time"
    }

    /// The query with a window, or nil when it has none and is not a (summed) plain selector.
    static func windowed(_ query: QueryTemplate, counting: Counting) -> QueryTemplate? {
        if query.hasWindowPlaceholder { return query }
        let text = Array(query.text.unicodeScalars)
        var start = 0
        var end = text.count
        while start < end, isSpace(text[start]) { start += 1 }
        while end > start, isSpace(text[end - 1]) { end -= 1 }
        guard start < end else { return nil }
        let selector: Range<Int>
        if let whole = selectorEnd(text, from: start), whole == end {
            selector = start..<end
        } else if let inner = summedSelector(text, start..<end) {
            selector = inner
        } else {
            return nil
        }
        let before = String(String.UnicodeScalarView(text[..<selector.lowerBound]))
        let body = String(String.UnicodeScalarView(text[selector]))
        let after = String(String.UnicodeScalarView(text[selector.upperBound...]))
        let rewritten = "\(before)\(counting.rawValue)(\(body)[\(QueryTemplate.windowPlaceholder)])\(after)"
        return QueryTemplate(rewritten, at: query.location)
    }

    /// `text` without leading and trailing spaces and newlines.
    static func trimmed(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// The selector's range inside `sum [by|without (...)] ( selector ) [by|without (...)]`.
    private static func summedSelector(_ text: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int>? {
        var index = range.lowerBound
        guard word(text, at: index) == "sum" else { return nil }
        index += 3
        index = skipSpaces(text, index, range.upperBound)
        if let after = grouping(text, at: index, limit: range.upperBound) { index = skipSpaces(text, after, range.upperBound) }
        guard index < range.upperBound, text[index] == "(" else { return nil }
        let innerStart = skipSpaces(text, index + 1, range.upperBound)
        guard let selectorEnd = selectorEnd(text, from: innerStart) else { return nil }
        var close = skipSpaces(text, selectorEnd, range.upperBound)
        guard close < range.upperBound, text[close] == ")" else { return nil }
        close = skipSpaces(text, close + 1, range.upperBound)
        if close < range.upperBound {
            guard let after = grouping(text, at: close, limit: range.upperBound),
                  skipSpaces(text, after, range.upperBound) == range.upperBound
            else { return nil }
        }
        return innerStart..<selectorEnd
    }

    /// After `by (labels)` or `without (labels)` at `index`, or nil.
    private static func grouping(_ text: [Unicode.Scalar], at index: Int, limit: Int) -> Int? {
        let keyword = word(text, at: index)
        guard keyword == "by" || keyword == "without" else { return nil }
        var position = skipSpaces(text, index + keyword.unicodeScalars.count, limit)
        guard position < limit, text[position] == "(" else { return nil }
        position += 1
        while position < limit, text[position] != ")" {
            let scalar = text[position]
            guard isNameScalar(scalar) || isSpace(scalar) || scalar == "," else { return nil }
            position += 1
        }
        return position < limit ? position + 1 : nil
    }

    /// The end of a plain vector selector starting at `start`: `name`, `name{...}` or `{...}`.
    private static func selectorEnd(_ text: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index < text.count, isNameScalar(text[index]) || text[index] == ":" { index += 1 }
        if index > start, ("0"..."9").contains(text[start]) { return nil }
        let name = String(String.UnicodeScalarView(text[start..<index]))
        if ["sum", "by", "without", "rate", "increase", "offset", "bool", "and", "or", "unless"].contains(name) { return nil }
        let named = index > start
        guard index < text.count, text[index] == "{" else { return named ? index : nil }
        index += 1
        var quote: Unicode.Scalar?
        while index < text.count {
            let scalar = text[index]
            if let open = quote {
                if scalar == "\\" { index += 1 } else if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" || scalar == "`" {
                quote = scalar
            } else if scalar == "}" {
                return index + 1
            }
            index += 1
        }
        return nil
    }

    private static func word(_ text: [Unicode.Scalar], at index: Int) -> String {
        var end = index
        while end < text.count, isNameScalar(text[end]) { end += 1 }
        return String(String.UnicodeScalarView(text[index..<end]))
    }

    private static func skipSpaces(_ text: [Unicode.Scalar], _ index: Int, _ limit: Int) -> Int {
        var index = index
        while index < limit, isSpace(text[index]) { index += 1 }
        return index
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
    }
}
