public import Storage

/// promtool's expanding notation for `input_series` values (Prometheus 2.42): `a+bxn` gives n+1
/// values built by repeated float addition, `a-bxn` likewise decreasing, `axn` n+1 copies of a,
/// `_` one missing sample, `_xn` n missing samples, `stale` a staleness marker.
public enum SeriesNotation {
    /// The values in order, `nil` for a missing sample; the i-th value belongs at `i × interval`.
    public static func parse(_ text: String) throws(RuleTestError) -> [Double?] {
        var values: [Double?] = []
        for item in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            values += try parseItem(String(item))
        }
        return values
    }

    /// The samples of a series whose values are `text`, spaced `interval` milliseconds from 0.
    public static func samples(_ text: String, interval: Int64) throws(RuleTestError) -> [ChunkSample] {
        try parse(text).enumerated().compactMap { index, value in
            value.map { ChunkSample(t: Int64(index) * interval, v: $0) }
        }
    }

    private static func parseItem(_ item: String) throws(RuleTestError) -> [Double?] {
        if item == "_" { return [nil] }
        if item.hasPrefix("_x") {
            guard let count = UInt(item.dropFirst(2)) else { throw invalid(item) }
            return Array(repeating: nil, count: Int(count))
        }
        if item == "stale" { return [ChunkSample.staleMarker] }
        // Split "a±bxn" into the start, the optional signed step, and the count (no hex here:
        // promtool disallows it in series values, so "0x29" is 0 thirty times).
        var body = Substring(item)
        var times: Int?
        if let x = body.lastIndex(of: "x") {
            guard let count = UInt(body[body.index(after: x)...]) else { throw invalid(item) }
            times = Int(count)
            body = body[..<x]
        }
        guard let times else {
            guard let value = number(body) else { throw invalid(item) }
            return [value]
        }
        if let start = number(body) {
            return Array(repeating: start, count: times + 1)
        }
        guard let (start, step) = splitStep(body) else { throw invalid(item) }
        var values: [Double?] = []
        var current = start
        for _ in 0...times {
            values.append(current)
            current += step
        }
        return values
    }

    /// Splits `a+b` or `a-b` (a itself may be signed or an exponent form) into start and step.
    private static func splitStep(_ text: Substring) -> (Double, Double)? {
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let c = text[index]
            let previous = text[text.index(before: index)]
            if (c == "+" || c == "-") && previous != "e" && previous != "E" {
                if let start = number(text[..<index]), let step = number(text[index...]) {
                    return (start, step)
                }
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// A number as PromQL's lexer reads it in series values: decimal, exponent, `Inf`, `NaN`, with a sign.
    static func number(_ text: Substring) -> Double? {
        var body = text
        var sign = 1.0
        if body.first == "+" || body.first == "-" {
            if body.first == "-" { sign = -1 }
            body = body.dropFirst()
        }
        guard let first = body.first else { return nil }
        switch body.lowercased() {
        case "inf": return sign * .infinity
        case "nan": return .nan
        default: break
        }
        guard first.isNumber || first == "." else { return nil }
        return Double(body).map { sign * $0 }
    }

    private static func invalid(_ item: String) -> RuleTestError {
        RuleTestError("invalid series value \"\(item)\": expected a number, \"stale\", \"_\", \"axn\", \"a+bxn\" or \"_xn\"")
    }
}
