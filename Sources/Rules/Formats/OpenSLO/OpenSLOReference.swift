/// A field that is either an object written inline or the name of a standalone object.
enum OpenSLOReference<Inline: Sendable>: Sendable {
    /// The object is written in place.
    case inline(Inline)
    /// The object is named, e.g. `indicatorRef: my-sli`.
    case reference(OpenSLOReferenceName)
}

/// A reference to a standalone object by name, with where it is written.
struct OpenSLOReferenceName: Sendable, Hashable {
    /// The referenced object's `metadata.name`.
    var name: String
    /// Where the name is written.
    var location: SourceLocation
    /// The field path inside the referencing object, e.g. `spec.indicatorRef`.
    var path: String
}
