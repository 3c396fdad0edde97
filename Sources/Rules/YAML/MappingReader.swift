/// Reads the fields of one YAML mapping, reporting wrong types, missing fields, duplicate keys and
/// unknown keys (with a did-you-mean) as diagnostics at the offending node.
///
/// Every accessor marks its key as known; `finish` then reports the keys nobody asked for.
public struct MappingReader: Sendable {
    /// The mapping being read.
    public let node: YAMLNode
    /// What the mapping is, for messages ("SLO", "alerting rule", ...).
    public let what: String
    private var known: [String] = []

    /// Starts reading `node`, which must be a mapping; reports an error and returns nil otherwise.
    /// Duplicate keys are reported here.
    public init?(_ node: YAMLNode, what: String, diagnostics: inout Diagnostics) {
        guard let pairs = node.pairs else {
            diagnostics.error(node.location, "\(what) must be a mapping, got \(node.typeDescription)")
            return nil
        }
        self.node = node
        self.what = what
        var seen: Set<String> = []
        for pair in pairs {
            guard let key = pair.key.scalar else {
                diagnostics.error(pair.key.location, "\(what): keys must be strings, got \(pair.key.typeDescription)")
                continue
            }
            if !seen.insert(key).inserted {
                diagnostics.error(pair.key.location, "\(what): duplicate key \"\(key)\"")
            }
        }
    }

    /// The keys present in the mapping, in order.
    public var keys: [String] { node.pairs?.compactMap(\.key.scalar) ?? [] }

    /// True when `key` is present (even with a null value).
    public func has(_ key: String) -> Bool { node[key] != nil }

    /// The node for `key` (nil when absent or null), marking the key as known.
    public mutating func value(_ key: String) -> YAMLNode? {
        known.append(key)
        guard let value = node[key], !value.isNull else { return nil }
        return value
    }

    /// Reports `key` missing when `required` and absent.
    private func missing(_ key: String, required: Bool, diagnostics: inout Diagnostics) {
        if required {
            diagnostics.error(node.location, "\(what): missing required field \"\(key)\"")
        }
    }

    /// A string field. Any scalar is accepted and read as its text (as Go's YAML decoders read
    /// `tier: 2` into a string); a mapping or sequence is an error.
    public mutating func string(_ key: String, required: Bool = false, diagnostics: inout Diagnostics) -> String? {
        guard let value = value(key) else {
            missing(key, required: required, diagnostics: &diagnostics)
            return nil
        }
        guard let text = value.scalar else {
            diagnostics.error(value.location, "\(what): field \"\(key)\" must be a string, got \(value.typeDescription)")
            return nil
        }
        if required && text.isEmpty {
            diagnostics.error(value.location, "\(what): field \"\(key)\" must not be empty")
            return nil
        }
        return text
    }

    /// A number field; a quoted string is an error, as it is for Go's decoders.
    public mutating func double(_ key: String, required: Bool = false, diagnostics: inout Diagnostics) -> Double? {
        guard let value = value(key) else {
            missing(key, required: required, diagnostics: &diagnostics)
            return nil
        }
        guard case .scalar(let text, _, let tag) = value.kind, tag == .int || tag == .float,
              let number = Self.parseNumber(text)
        else {
            diagnostics.error(value.location, "\(what): field \"\(key)\" must be a number, got \(value.typeDescription)")
            return nil
        }
        return number
    }

    /// An integer field.
    public mutating func int(_ key: String, required: Bool = false, diagnostics: inout Diagnostics) -> Int? {
        guard let value = value(key) else {
            missing(key, required: required, diagnostics: &diagnostics)
            return nil
        }
        guard case .scalar(let text, _, .int) = value.kind, let number = Int(text.replacingUnderscores()) else {
            diagnostics.error(value.location, "\(what): field \"\(key)\" must be an integer, got \(value.typeDescription)")
            return nil
        }
        return number
    }

    /// A boolean field.
    public mutating func bool(_ key: String, required: Bool = false, diagnostics: inout Diagnostics) -> Bool? {
        guard let value = value(key) else {
            missing(key, required: required, diagnostics: &diagnostics)
            return nil
        }
        guard case .scalar(let text, _, .bool) = value.kind else {
            diagnostics.error(value.location, "\(what): field \"\(key)\" must be true or false, got \(value.typeDescription)")
            return nil
        }
        return ["true", "yes", "on", "y"].contains(text.lowercased())
    }

    /// A mapping of strings to strings (labels, annotations), keys in file order.
    public mutating func stringMap(_ key: String, diagnostics: inout Diagnostics) -> [(key: String, value: String, location: SourceLocation)] {
        guard let value = value(key) else { return [] }
        guard let pairs = value.pairs else {
            diagnostics.error(value.location, "\(what): field \"\(key)\" must be a mapping of strings, got \(value.typeDescription)")
            return []
        }
        var result: [(key: String, value: String, location: SourceLocation)] = []
        var seen: Set<String> = []
        for pair in pairs {
            guard let name = pair.key.scalar else {
                diagnostics.error(pair.key.location, "\(what): \(key) keys must be strings")
                continue
            }
            if !seen.insert(name).inserted {
                diagnostics.error(pair.key.location, "\(what): duplicate key \"\(name)\" in \(key)")
                continue
            }
            if pair.value.isNull {
                result.append((name, "", pair.value.location))
            } else if let text = pair.value.scalar {
                result.append((name, text, pair.value.location))
            } else {
                diagnostics.error(pair.value.location, "\(what): \(key).\(name) must be a string, got \(pair.value.typeDescription)")
            }
        }
        return result
    }

    /// A nested mapping, as a reader of its own.
    public mutating func mapping(_ key: String, what nestedWhat: String? = nil, required: Bool = false, diagnostics: inout Diagnostics) -> MappingReader? {
        guard let value = value(key) else {
            missing(key, required: required, diagnostics: &diagnostics)
            return nil
        }
        return MappingReader(value, what: nestedWhat ?? "\(what) \(key)", diagnostics: &diagnostics)
    }

    /// A sequence field.
    public mutating func sequence(_ key: String, required: Bool = false, diagnostics: inout Diagnostics) -> [YAMLNode]? {
        guard let value = value(key) else {
            missing(key, required: required, diagnostics: &diagnostics)
            return nil
        }
        guard let items = value.items else {
            diagnostics.error(value.location, "\(what): field \"\(key)\" must be a sequence, got \(value.typeDescription)")
            return nil
        }
        return items
    }

    /// Marks keys as known without reading them (fields accepted and ignored).
    public mutating func ignore(_ keys: String...) {
        known.append(contentsOf: keys)
    }

    /// Reports every key no accessor asked for, suggesting the closest known key.
    public func finish(diagnostics: inout Diagnostics) {
        for pair in node.pairs ?? [] {
            guard let key = pair.key.scalar, !known.contains(key) else { continue }
            var message = "\(what): unknown field \"\(key)\""
            if let suggestion = DidYouMean.suggest(key, from: known) {
                message += " (did you mean \"\(suggestion)\"?)"
            }
            diagnostics.error(pair.key.location, message)
        }
    }

    /// Parses a YAML 1.1/1.2 number: decimal, exponent, `.inf`, `.nan`, underscores.
    static func parseNumber(_ text: String) -> Double? {
        let cleaned = text.replacingUnderscores()
        switch cleaned.lowercased() {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default: break
        }
        if let int = Int(cleaned) { return Double(int) }
        if cleaned.hasPrefix("0x"), let int = Int(cleaned.dropFirst(2), radix: 16) { return Double(int) }
        return Double(cleaned)
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        contains("_") ? String(filter { $0 != "_" }) : self
    }
}
