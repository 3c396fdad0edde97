/// The aggregation operators of PromQL.
public enum AggregationOperator: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `sum`.
    case sum
    /// `avg`.
    case avg
    /// `count`.
    case count
    /// `min`.
    case min
    /// `max`.
    case max
    /// `group`.
    case group
    /// `stddev`.
    case stddev
    /// `stdvar`.
    case stdvar
    /// `topk`, with a scalar parameter.
    case topk
    /// `bottomk`, with a scalar parameter.
    case bottomk
    /// `count_values`, with a string parameter.
    case countValues = "count_values"
    /// `quantile`, with a scalar parameter.
    case quantile

    /// The operator as written.
    public var description: String { rawValue }

    /// The type of the parameter the operator takes, or nil if it takes none.
    public var parameterType: ValueType? {
        switch self {
        case .topk, .bottomk, .quantile: .scalar
        case .countValues: .string
        default: nil
        }
    }
}
