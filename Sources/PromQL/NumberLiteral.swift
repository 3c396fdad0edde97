/// A number literal such as `5`, `0x1f`, `1e-3`, `Inf` or `NaN`.
///
/// Two literals are equal when their values are equal or both are NaN, so a parsed
/// `NaN` compares equal to itself.
public struct NumberLiteral: Sendable, Hashable, CustomStringConvertible {
    /// The value of the literal.
    public var value: Double

    /// Creates a literal with the given value.
    public init(_ value: Double) {
        self.value = value
    }

    /// Compares values, treating NaN as equal to NaN.
    public static func == (lhs: NumberLiteral, rhs: NumberLiteral) -> Bool {
        lhs.value == rhs.value || (lhs.value.isNaN && rhs.value.isNaN)
    }

    /// Hashes consistently with `==` (all NaNs alike, `0` and `-0` alike).
    public func hash(into hasher: inout Hasher) {
        if value.isNaN {
            hasher.combine(Double.nan.bitPattern)
        } else if value == 0 {
            hasher.combine(UInt64(0))
        } else {
            hasher.combine(value.bitPattern)
        }
    }

    /// The number as Prometheus prints it (Go's `%v`: `1e+06`, `0.001`, `+Inf`, `NaN`).
    public var description: String {
        GoFormat.float(value)
    }
}
