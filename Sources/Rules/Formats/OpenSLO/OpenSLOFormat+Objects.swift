extension OpenSLOFormat {
    /// Reads a `kind: DataSource`: `type` and `connectionDetails` (anything) are required.
    static func readDataSource(_ root: inout MappingReader, name: OpenSLOObjectName, diagnostics: inout Diagnostics) -> OpenSLODataSource {
        var result = OpenSLODataSource(metadata: readMetadata(&root, object: name, diagnostics: &diagnostics), type: nil, location: root.node.location)
        guard var spec = root.mapping("spec", what: name.at("spec"), required: true, diagnostics: &diagnostics) else { return result }
        defer { spec.finish(diagnostics: &diagnostics) }
        _ = readDescription(&spec, diagnostics: &diagnostics)
        if let type = spec.string("type", required: true, diagnostics: &diagnostics) {
            result.type = (type, valueLocation(spec, "type"))
        }
        if spec.value("connectionDetails") == nil {
            diagnostics.error(spec.node.location, "\(spec.what): missing required field \"connectionDetails\"")
        }
        return result
    }

    /// Reads a `kind: Service` (v1 or v1alpha): metadata and an optional description.
    static func readService(_ root: inout MappingReader, name: OpenSLOObjectName, diagnostics: inout Diagnostics) -> OpenSLOService {
        var result = OpenSLOService(name: name, metadata: readMetadata(&root, object: name, diagnostics: &diagnostics), description: "", location: root.node.location)
        if var spec = root.mapping("spec", what: name.at("spec"), diagnostics: &diagnostics) {
            result.description = readDescription(&spec, diagnostics: &diagnostics)
            spec.finish(diagnostics: &diagnostics)
        }
        return result
    }
}
