/// An OpenSLO SLI (`kind: SLI`, or `indicator` inline in an SLO), validated but not yet mapped.
struct OpenSLOIndicator: Sendable {
    /// How the indicator is measured.
    enum Metric: Sendable {
        /// `thresholdMetric`: one query compared with an objective's `op` and `value`.
        case threshold(OpenSLOMetricSource)
        /// `ratioMetric` with `good` (or `bad`, when `isBad`) and `total`.
        case ratio(counter: Bool, numerator: OpenSLOMetricSource, isBad: Bool, total: OpenSLOMetricSource)
        /// `ratioMetric` with `raw` and `rawType` (`success` when `isSuccess`).
        case raw(isSuccess: Bool, OpenSLOMetricSource)

        /// Every metric source, in file order.
        var sources: [OpenSLOMetricSource] {
            switch self {
            case .threshold(let source): [source]
            case .ratio(_, let numerator, _, let total): [numerator, total]
            case .raw(_, let source): [source]
            }
        }
    }

    /// The metadata (standalone SLIs and inline indicators both have one).
    var metadata: OpenSLOMetadata?
    /// The metric, nil when it could not be read.
    var metric: Metric?
    /// Who owns the indicator, for messages: the SLI itself, or the SLO it is inlined in.
    var owner: OpenSLOObjectName
    /// The path of the indicator inside its owner: empty for a standalone SLI, `spec.indicator` inline.
    var path: String
    /// Where it is defined.
    var location: SourceLocation
    /// False when reading it reported an error.
    var isValid: Bool
}
