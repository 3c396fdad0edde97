extension OpenSLOFormat {
    /// Where the key `key` of the mapping is written (the mapping itself when absent).
    static func keyLocation(_ reader: MappingReader, _ key: String) -> SourceLocation {
        reader.node.pairs?.first { $0.key.scalar == key }?.key.location ?? reader.node.location
    }

    /// Where the value of `key` is written (the mapping itself when absent).
    static func valueLocation(_ reader: MappingReader, _ key: String) -> SourceLocation {
        reader.node[key]?.location ?? reader.node.location
    }

    /// A duration-shorthand field. `allowZero` accepts `0m` (as for `alertAfter`); `minutesIfNumber`
    /// reads a bare number as minutes (as the spec allows for `timeSliceWindow`).
    static func readDuration(
        _ reader: inout MappingReader, _ key: String, required: Bool = false, allowZero: Bool = false,
        minutesIfNumber: Bool = false, diagnostics: inout Diagnostics
    ) -> OpenSLODuration? {
        let node = reader.node[key]
        if minutesIfNumber, let node, case .scalar(let text, _, .int) = node.kind, let minutes = Int(text) {
            _ = reader.value(key)
            guard minutes > 0 else {
                diagnostics.error(node.location, "\(reader.what): \"\(key)\" must be positive, got \(text)")
                return nil
            }
            return OpenSLODuration(value: minutes, unit: .minute)
        }
        guard let text = reader.string(key, required: required, diagnostics: &diagnostics) else { return nil }
        let location = node?.location ?? reader.node.location
        guard let duration = OpenSLODuration(text) else {
            var message = "\(reader.what): \"\(key)\" value \"\(text)\" is not a duration shorthand: \(OpenSLODuration.expectation)"
            if text.hasSuffix("s"), let number = Int(text.dropLast()) {
                message += " (there is no seconds unit; \(number)s is \(number % 60 == 0 ? "\(number / 60)m" : "not a whole number of minutes"))"
            }
            diagnostics.error(location, message)
            return nil
        }
        if duration.value == 0, !allowZero {
            diagnostics.error(location, "\(reader.what): \"\(key)\" must be positive, got \(text)")
            return nil
        }
        return duration
    }

    /// A comparison operator field (`lt`, `lte`, `gt`, `gte`), with where it is written.
    static func readOperator(
        _ reader: inout MappingReader, _ key: String = "op", required: Bool = false, diagnostics: inout Diagnostics
    ) -> (op: ComparisonOperator, location: SourceLocation)? {
        guard let text = reader.string(key, required: required, diagnostics: &diagnostics) else { return nil }
        let location = valueLocation(reader, key)
        guard let op = ComparisonOperator(rawValue: text) else {
            diagnostics.error(location, "\(reader.what): \"\(key)\" must be one of lt, lte, gt, gte, got \"\(text)\"")
            return nil
        }
        return (op, location)
    }

    /// A reference field (`indicatorRef`, `conditionRef`, ...): a name that must be a DNS label.
    static func readReference(_ reader: inout MappingReader, _ key: String, path: String, diagnostics: inout Diagnostics) -> OpenSLOReferenceName? {
        guard let name = reader.string(key, required: true, diagnostics: &diagnostics) else { return nil }
        let location = valueLocation(reader, key)
        if !OpenSLOName.isDNSLabel(name) {
            diagnostics.error(location, "\(reader.what): \"\(key)\" value \"\(name)\" is not \(OpenSLOName.dnsLabelRule)")
        }
        return OpenSLOReferenceName(name: name, location: location, path: path.isEmpty ? key : "\(path).\(key)")
    }

    /// A description field: at most 1050 characters.
    static func readDescription(_ reader: inout MappingReader, diagnostics: inout Diagnostics) -> String {
        guard let text = reader.string("description", diagnostics: &diagnostics) else { return "" }
        if text.count > 1050 {
            diagnostics.error(valueLocation(reader, "description"), "\(reader.what): \"description\" must be at most 1050 characters, got \(text.count)")
        }
        return text
    }

    /// Reports `key` as forbidden when present, at the key.
    static func forbid(_ reader: MappingReader, _ key: String, because reason: String, diagnostics: inout Diagnostics) {
        guard reader.has(key) else { return }
        diagnostics.error(keyLocation(reader, key), "\(reader.what): \"\(key)\" is forbidden \(reason)")
    }

    /// Reports that exactly one of two alternatives must be given, when neither or both are.
    static func requireExactlyOne(_ reader: MappingReader, _ a: String, _ b: String, diagnostics: inout Diagnostics) {
        switch (reader.has(a), reader.has(b)) {
        case (true, true):
            diagnostics.error(keyLocation(reader, b), "\(reader.what): exactly one of \"\(a)\" and \"\(b)\" must be given, not both")
        case (false, false):
            diagnostics.error(reader.node.location, "\(reader.what): exactly one of \"\(a)\" and \"\(b)\" must be given")
        default: break
        }
    }
}
