/// An `AlertNotificationTarget` (standalone or inline in a policy).
struct OpenSLONotificationTarget: Sendable {
    /// Its metadata.
    var metadata: OpenSLOMetadata?
    /// `spec.target`, e.g. `email` or `slack`.
    var target: String
    /// Where it is defined.
    var location: SourceLocation
    /// False when reading it reported an error.
    var isValid: Bool
}
