/// Reads a Sloth label or annotation map and checks it as Sloth does: keys are Prometheus label
/// names (never `__name__` for labels), values are not empty.
enum SlothLabels {
    /// What the map holds, for messages and rules.
    enum Kind: String {
        case label
        case annotation
    }

    /// Reads `key` of `reader` as a map of strings; nil values and problems are reported.
    static func read(
        _ key: String, _ kind: Kind, from reader: inout MappingReader, diagnostics: inout Diagnostics
    ) -> [String: String] {
        guard let node = reader.value(key) else { return [:] }
        let what = reader.what
        guard let pairs = node.pairs else {
            diagnostics.error(node.location, "\(what): field \"\(key)\" must be a mapping of strings, got \(node.typeDescription)")
            return [:]
        }
        var result: [String: String] = [:]
        for pair in pairs {
            guard let name = pair.key.scalar else {
                diagnostics.error(pair.key.location, "\(what): \(key) keys must be strings, got \(pair.key.typeDescription)")
                continue
            }
            if result[name] != nil {
                diagnostics.error(pair.key.location, "\(what): duplicate key \"\(name)\" in \(key)")
                continue
            }
            if kind == .label && name == "__name__" {
                diagnostics.error(pair.key.location, "\(what): the label \"__name__\" is not allowed in \(key)")
            } else if !Names.isValidLabelName(name) {
                diagnostics.error(pair.key.location, "\(what): invalid \(kind.rawValue) name \"\(name)\" in \(key): it must match [a-zA-Z_][a-zA-Z0-9_]*")
            }
            guard pair.value.isNull || pair.value.scalar != nil else {
                diagnostics.error(pair.value.location, "\(what): \(key).\(name) must be a string, got \(pair.value.typeDescription)")
                continue
            }
            let value = pair.value.isNull ? "" : pair.value.scalar ?? ""
            if value.isEmpty {
                diagnostics.error(pair.value.location, "\(what): \(key).\(name) must not be empty (Sloth rejects empty \(kind.rawValue) values)")
            }
            result[name] = value
        }
        return result
    }
}
