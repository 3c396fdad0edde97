/// An `openslo/v1alpha` `kind: SLO`, the schema Sloth reads, validated.
struct OpenSLOv1alphaSLO: Sendable {
    /// A `{source, queryType, query}` metric.
    struct Metric: Sendable {
        /// `source`, e.g. `prometheus`, and where it is written.
        var source: String
        /// Where `source` is written.
        var sourceLocation: SourceLocation
        /// `query`.
        var query: QueryTemplate
    }

    /// One objective.
    struct Objective: Sendable {
        /// Its position in `objectives`, from 0 (Sloth's SLO ids end with it).
        var index: Int
        /// `op`, for the threshold indicator.
        var op: ComparisonOperator?
        /// `value`, for the threshold indicator.
        var value: Double?
        /// `target`.
        var target: Double
        /// `timeSliceTarget`.
        var timeSliceTarget: Double?
        /// `ratioMetrics.good` and `ratioMetrics.total`.
        var ratio: (good: Metric, total: Metric)?
        /// Where the objective is.
        var location: SourceLocation
    }

    /// Names the SLO in messages.
    var name: OpenSLOObjectName
    /// Its metadata.
    var metadata: OpenSLOMetadata?
    /// `spec.service`.
    var service: String
    /// `spec.description`.
    var description: String
    /// `spec.budgetingMethod`.
    var budgetingMethod: OpenSLOBudgetingMethodName?
    /// The period from `spec.timeWindows[0]`; nil when not written (Sloth's default, 30 days, applies).
    var period: SLOPeriod?
    /// Why the period cannot be evaluated, when it cannot, and where.
    var periodProblem: (message: String, location: SourceLocation)?
    /// `spec.indicator.thresholdMetric`.
    var threshold: Metric?
    /// `spec.objectives`.
    var objectives: [Objective]
    /// Where it is defined.
    var location: SourceLocation
    /// False when reading it reported an error.
    var isValid: Bool
}
