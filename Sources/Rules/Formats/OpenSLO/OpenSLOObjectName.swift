/// How messages name an OpenSLO object: `v1.SLO 'my-slo'`, as the OpenSLO Go SDK prints objects.
struct OpenSLOObjectName: Sendable, Hashable, CustomStringConvertible {
    /// `v1` or `v1alpha`.
    var version: String
    /// The kind, e.g. `SLO`.
    var kind: String
    /// `metadata.name`, when it could be read.
    var name: String?

    /// `v1.SLO 'my-slo'`, or `v1.SLO` when the name is unknown.
    var description: String {
        guard let name, !name.isEmpty else { return "\(version).\(kind)" }
        return "\(version).\(kind) '\(name)'"
    }

    /// A subject for `MappingReader` messages about the field at `path` (e.g. `spec.objectives[0]`).
    func at(_ path: String) -> String {
        path.isEmpty ? description : "\(description) \(path)"
    }

    /// Names another object of the same version.
    func other(kind: String, name: String) -> OpenSLOObjectName {
        OpenSLOObjectName(version: version, kind: kind, name: name)
    }
}
