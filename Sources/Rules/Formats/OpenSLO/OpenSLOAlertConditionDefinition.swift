/// An `AlertCondition` as written (standalone or inline in a policy), validated.
struct OpenSLOAlertConditionDefinition: Sendable {
    /// Its metadata.
    var metadata: OpenSLOMetadata?
    /// `spec.severity`.
    var severity: String
    /// The burn-rate condition, nil when it could not be read.
    var condition: AlertCondition?
    /// Where it is defined.
    var location: SourceLocation
    /// False when reading it reported an error.
    var isValid: Bool
}
