extension OpenSLOFormat {
    /// Reads and validates `metadata` of `reader` (required), as the Go SDK does: the name is an RFC 1123
    /// DNS label, the display name at most 63 characters, label and annotation keys well formed.
    static func readMetadata(
        _ reader: inout MappingReader, object: OpenSLOObjectName, path: String = "",
        diagnostics: inout Diagnostics
    ) -> OpenSLOMetadata? {
        let prefix = path.isEmpty ? "metadata" : "\(path).metadata"
        guard var metadata = reader.mapping("metadata", what: object.at(prefix), required: true, diagnostics: &diagnostics) else {
            return nil
        }
        defer { metadata.finish(diagnostics: &diagnostics) }
        let nameNode = metadata.node["name"]
        guard let name = metadata.string("name", required: true, diagnostics: &diagnostics) else { return nil }
        let nameLocation = nameNode?.location ?? metadata.node.location
        if !OpenSLOName.isDNSLabel(name) {
            diagnostics.error(nameLocation, "\(object.at(prefix)).name \"\(name)\" is not \(OpenSLOName.dnsLabelRule)")
        }
        let displayNode = metadata.node["displayName"]
        let displayName = metadata.string("displayName", diagnostics: &diagnostics)
        if let displayName, displayName.count > 63 {
            diagnostics.error(displayNode?.location ?? nameLocation, "\(object.at(prefix)).displayName must be at most 63 characters, got \(displayName.count)")
        }
        let labels = readLabels(&metadata, what: object.at(prefix), diagnostics: &diagnostics)
        readAnnotations(&metadata, what: object.at(prefix), diagnostics: &diagnostics)
        return OpenSLOMetadata(name: name, displayName: displayName, labels: labels, nameLocation: nameLocation)
    }

    /// `labels`: a mapping whose values are strings or lists of strings.
    private static func readLabels(_ metadata: inout MappingReader, what: String, diagnostics: inout Diagnostics) -> [(key: String, values: [String])] {
        guard let node = metadata.value("labels") else { return [] }
        guard let pairs = node.pairs else {
            diagnostics.error(node.location, "\(what).labels must be a mapping, got \(node.typeDescription)")
            return []
        }
        var result: [(key: String, values: [String])] = []
        for pair in pairs {
            guard let key = pair.key.scalar else {
                diagnostics.error(pair.key.location, "\(what).labels keys must be strings")
                continue
            }
            if !OpenSLOName.isLabelKey(key) {
                diagnostics.error(pair.key.location, "\(what).labels key \"\(key)\" must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit")
            }
            if let items = pair.value.items {
                var values: [String] = []
                for item in items {
                    if let text = item.scalar { values.append(text) } else {
                        diagnostics.error(item.location, "\(what).labels.\(key) values must be strings, got \(item.typeDescription)")
                    }
                }
                result.append((key, values))
            } else if let text = pair.value.scalar {
                result.append((key, pair.value.isNull ? [] : [text]))
            } else {
                diagnostics.error(pair.value.location, "\(what).labels.\(key) must be a string or a list of strings, got \(pair.value.typeDescription)")
            }
        }
        return result
    }

    /// `annotations`: a mapping of strings whose keys follow the annotation-key rule.
    private static func readAnnotations(_ metadata: inout MappingReader, what: String, diagnostics: inout Diagnostics) {
        for annotation in metadata.stringMap("annotations", diagnostics: &diagnostics) where !OpenSLOName.isAnnotationKey(annotation.key) {
            let location = metadata.node["annotations"]?.pairs?.first { $0.key.scalar == annotation.key }?.key.location ?? annotation.location
            diagnostics.error(location, "\(what).annotations key \"\(annotation.key)\" must be an optional DNS subdomain and '/' followed by a name of at most 63 letters, digits, '-', '_' or '.'")
        }
    }
}
