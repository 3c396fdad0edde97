internal import PromQL

/// The one place where the rules module asks the PromQL module about queries and durations.
enum PromQLBridge {
    /// Parses a Prometheus duration such as `5m` or `1h30m`; nil when it is not one or is negative.
    static func duration(_ text: String) -> Duration? {
        guard let parsed = try? PromDuration(parsing: text), parsed.milliseconds >= 0 else { return nil }
        return parsed.duration
    }

    /// Prints a duration as Prometheus does: `30d`, `4w`, `1h30m`, `0s`.
    static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return PromDuration(milliseconds: seconds * 1000 + attoseconds / 1_000_000_000_000_000).description
    }

    /// Checks PromQL syntax and types; nil when valid, else the message and the 1-based line and
    /// column inside `query` where the problem is.
    static func check(_ query: String) -> (message: String, line: Int, column: Int)? {
        do {
            _ = try Parser.parse(query)
            return nil
        } catch {
            return (error.message, error.line, error.column)
        }
    }
}
