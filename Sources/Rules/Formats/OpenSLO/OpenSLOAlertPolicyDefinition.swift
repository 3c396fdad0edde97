/// An `AlertPolicy` as written (standalone or inline in an SLO), with references still by name.
struct OpenSLOAlertPolicyDefinition: Sendable {
    /// Who owns the policy, for messages: the policy itself, or the SLO it is inlined in.
    var owner: OpenSLOObjectName
    /// The path of the policy inside its owner: empty when standalone.
    var path: String
    /// Its metadata.
    var metadata: OpenSLOMetadata?
    /// `spec.description`.
    var description: String
    /// `spec.alertWhenNoData`.
    var alertWhenNoData: Bool
    /// `spec.alertWhenBreaching` (true when not written).
    var alertWhenBreaching: Bool
    /// `spec.alertWhenResolved`.
    var alertWhenResolved: Bool
    /// `spec.conditions` (exactly one when valid).
    var conditions: [OpenSLOReference<OpenSLOAlertConditionDefinition>]
    /// `spec.notificationTargets`.
    var targets: [OpenSLOReference<OpenSLONotificationTarget>]
    /// Where it is defined.
    var location: SourceLocation
    /// False when reading it reported an error.
    var isValid: Bool
}
