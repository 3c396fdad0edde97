/// The type of value a PromQL expression evaluates to.
public enum ValueType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A single floating-point number.
    case scalar
    /// A set of series with one sample each at the evaluation time.
    case instantVector
    /// A set of series with a range of samples each.
    case rangeVector
    /// A string.
    case string

    /// The name Prometheus' documentation and type errors use, such as `instant vector`.
    public var documentedName: String {
        switch self {
        case .scalar: "scalar"
        case .instantVector: "instant vector"
        case .rangeVector: "range vector"
        case .string: "string"
        }
    }

    /// The name Prometheus uses internally and in API results, such as `vector` or `matrix`.
    public var prometheusName: String {
        switch self {
        case .scalar: "scalar"
        case .instantVector: "vector"
        case .rangeVector: "matrix"
        case .string: "string"
        }
    }

    /// The documented name, such as `instant vector`.
    public var description: String { documentedName }
}
