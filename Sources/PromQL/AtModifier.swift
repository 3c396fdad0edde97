/// The `@` modifier of a selector or subquery: a fixed evaluation time, or the start or end of the query range.
public enum AtModifier: Sendable, Hashable, CustomStringConvertible {
    /// `@ <timestamp>`, in milliseconds since the Unix epoch (the seconds written, times 1000, rounded).
    case timestamp(milliseconds: Int64)
    /// `@ start()`.
    case start
    /// `@ end()`.
    case end

    /// The modifier as Prometheus prints it, such as `@ 1609746000.000` or `@ start()`.
    public var description: String {
        switch self {
        case .start:
            return "@ start()"
        case .end:
            return "@ end()"
        case .timestamp(let milliseconds):
            let negative = milliseconds < 0
            let magnitude = milliseconds.magnitude
            let fraction = String(magnitude % 1000)
            let padded = String(repeating: "0", count: 3 - fraction.count) + fraction
            return "@ \(negative ? "-" : "")\(magnitude / 1000).\(padded)"
        }
    }
}
