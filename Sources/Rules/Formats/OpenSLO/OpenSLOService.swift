/// A `Service` (v1 or v1alpha): a grouping of SLOs by name.
struct OpenSLOService: Sendable {
    /// Names the service in messages.
    var name: OpenSLOObjectName
    /// Its metadata.
    var metadata: OpenSLOMetadata?
    /// `spec.description`.
    var description: String
    /// Where it is defined.
    var location: SourceLocation
}
