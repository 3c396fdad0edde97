/// The naming rules of OpenSLO metadata: object names, label keys and annotation keys.
enum OpenSLOName {
    /// True when `name` is an RFC 1123 DNS label: 1 to 63 lowercase letters, digits or `-`,
    /// starting and ending with a letter or digit (the rule of the spec and of the Go SDK).
    static func isDNSLabel(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard (1...63).contains(scalars.count) else { return false }
        func alphanumeric(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("0"..."9").contains(s) }
        guard alphanumeric(scalars.first!), alphanumeric(scalars.last!) else { return false }
        return scalars.allSatisfy { alphanumeric($0) || $0 == "-" }
    }

    /// True when `key` is a valid label key (or the name part of an annotation key): at most 63
    /// characters, letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit.
    static func isLabelKey(_ key: String) -> Bool {
        let scalars = Array(key.unicodeScalars)
        guard (1...63).contains(scalars.count) else { return false }
        func alphanumeric(_ s: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
        }
        guard alphanumeric(scalars.first!), alphanumeric(scalars.last!) else { return false }
        return scalars.allSatisfy { alphanumeric($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    /// True when `key` is a valid annotation key: an optional DNS-subdomain prefix of at most 253
    /// characters and a `/`, then a name that follows the label-key rule.
    static func isAnnotationKey(_ key: String) -> Bool {
        guard let slash = key.lastIndex(of: "/") else { return isLabelKey(key) }
        let prefix = key[..<slash]
        let name = key[key.index(after: slash)...]
        guard prefix.count <= 253, isLabelKey(String(name)) else { return false }
        return prefix.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isDNSLabel(String($0)) }
    }

    /// A Prometheus label name made from an OpenSLO label key: characters other than letters,
    /// digits and `_` become `_`, and a leading digit gets a `_` in front.
    static func prometheusLabelName(_ key: String) -> String {
        var result = String(key.unicodeScalars.map { scalar -> Character in
            let ok = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
            return ok ? Character(scalar) : "_"
        })
        if let first = result.unicodeScalars.first, ("0"..."9").contains(first) { result = "_" + result }
        return result
    }

    /// The rule, for messages.
    static let dnsLabelRule = "an RFC 1123 DNS label: at most 63 lowercase letters, digits or '-', starting and ending with a letter or digit"
}
