/// An `openslo/v1` `kind: SLO` as written, validated, with its references still by name.
struct OpenSLOSLODefinition: Sendable {
    /// Names the SLO in messages.
    var name: OpenSLOObjectName
    /// Its metadata.
    var metadata: OpenSLOMetadata?
    /// `spec.service`.
    var service: String
    /// `spec.description`.
    var description: String
    /// `spec.indicator` or `spec.indicatorRef`; nil for composite SLOs (indicators on objectives).
    var indicator: OpenSLOReference<OpenSLOIndicator>?
    /// `spec.budgetingMethod`.
    var budgetingMethod: OpenSLOBudgetingMethodName?
    /// `spec.timeWindow[0]`.
    var timeWindow: OpenSLOTimeWindow?
    /// `spec.objectives`.
    var objectives: [OpenSLOObjective]
    /// `spec.alertPolicies`, each inline or by `alertPolicyRef`.
    var alertPolicies: [OpenSLOReference<OpenSLOAlertPolicyDefinition>]
    /// Where the SLO is defined.
    var location: SourceLocation
    /// False when reading it reported an error: it is kept for references but not loaded.
    var isValid: Bool
}
