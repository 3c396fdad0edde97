/// The label set that identifies a series, in canonical form: labels sorted by name in byte
/// (UTF-8) order, names unique, no empty values.
///
/// This is Prometheus' order (`labels.Labels` sorts by name with Go's byte-wise string compare),
/// so `__name__` comes first unless another name starts with an uppercase letter. An empty value
/// is dropped, since Prometheus treats `a=""` and a missing `a` alike. Two label sets are equal
/// exactly when their canonical forms are, whatever order they were built from.
public struct Labels: Sendable, Hashable, RandomAccessCollection, CustomStringConvertible, ExpressibleByDictionaryLiteral {
    /// The labels in canonical order.
    public let labels: [Label]

    /// An empty label set.
    public init() {
        labels = []
    }

    /// Creates a label set from labels already in canonical form (sorted by name in byte order,
    /// names unique, no empty value), as storage and the remote-write decoder deliver them;
    /// checked in debug builds only, so hot paths do not sort or filter again.
    public init(canonical labels: [Label]) {
        assert(Self.isCanonical(labels) && labels.allSatisfy { !$0.value.isEmpty }, "labels are not canonical: \(labels)")
        self.labels = labels
    }

    /// Creates a label set from labels in any order; a later label with the same name replaces an
    /// earlier one, and labels with an empty value are dropped.
    public init(_ labels: some Sequence<Label>) {
        var sorted = labels.filter { !$0.value.isEmpty }
        if !Self.isCanonical(sorted) {
            // Stable sort by name, then keep the last label of each name.
            sorted = sorted.enumerated().sorted { lhs, rhs in
                if lhs.element.name == rhs.element.name { return lhs.offset < rhs.offset }
                return Self.precedes(lhs.element.name, rhs.element.name)
            }.map(\.element)
            var unique: [Label] = []
            unique.reserveCapacity(sorted.count)
            for label in sorted {
                if let last = unique.last, last.name == label.name {
                    unique[unique.count - 1] = label
                } else {
                    unique.append(label)
                }
            }
            sorted = unique
        }
        self.labels = sorted
    }

    /// Creates a label set from a dictionary of names to values.
    public init(_ dictionary: [String: String]) {
        self.init(dictionary.map { Label(name: $0.key, value: $0.value) })
    }

    /// Creates a label set from a literal such as `["__name__": "up", "job": "api"]`.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements.map { Label(name: $0.0, value: $0.1) })
    }

    /// The first position.
    public var startIndex: Int { labels.startIndex }
    /// The position after the last label.
    public var endIndex: Int { labels.endIndex }
    /// The label at `position`.
    public subscript(position: Int) -> Label { labels[position] }

    /// The value of the label `name`, or `nil` when the set has no such label.
    public subscript(name: String) -> String? {
        for label in labels where label.name == name { return label.value }
        return nil
    }

    /// The metric name (the `__name__` label), or `nil`.
    public var metricName: String? { self[Label.metricName] }

    /// A copy with the label `name` set to `value` (removed when `value` is empty).
    public func setting(_ name: String, to value: String) -> Labels {
        Labels(labels.filter { $0.name != name } + [Label(name: name, value: value)])
    }

    /// A copy without the label `name`.
    public func removing(_ name: String) -> Labels {
        Labels(canonical: labels.filter { $0.name != name })
    }

    /// A 64-bit FNV-1a hash of the canonical form (each name and value followed by a `0xff`
    /// byte, which no UTF-8 string contains), stable across processes and releases: usable as a
    /// persistent identifier, unlike `hashValue`.
    public var fingerprint: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix(_ byte: UInt8) {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        for label in labels {
            for byte in label.name.utf8 { mix(byte) }
            mix(0xff)
            for byte in label.value.utf8 { mix(byte) }
            mix(0xff)
        }
        return hash
    }

    /// The set as Prometheus prints it: `{__name__="up", job="api"}`.
    public var description: String {
        "{" + labels.map(\.description).joined(separator: ", ") + "}"
    }

    /// Whether `name` sorts before `other` in byte order.
    @inline(__always)
    static func precedes(_ name: String, _ other: String) -> Bool {
        name.utf8.lexicographicallyPrecedes(other.utf8)
    }

    /// Whether labels are strictly sorted by name (so also unique).
    static func isCanonical(_ labels: [Label]) -> Bool {
        for index in labels.indices.dropFirst() where !precedes(labels[index - 1].name, labels[index].name) {
            return false
        }
        return true
    }

    /// `value` in double quotes with `\`, `"` and control characters escaped, as Go's `%q` does
    /// for the common cases.
    static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    result += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
