/// A YAML node with the position it was read from: a value tree that is `Sendable` and keeps
/// what validation needs (scalar style and tag, key order, line and column of every node).
public struct YAMLNode: Sendable, Hashable {
    /// The shape of a node.
    public enum Kind: Sendable, Hashable {
        /// A scalar: its text, whether it was written plain (unquoted, so `123` is a number),
        /// and its resolved tag (`str`, `int`, `float`, `bool`, `null`, `timestamp`...).
        case scalar(String, plain: Bool, tag: ScalarTag)
        /// A mapping, keys in the order they were written.
        case mapping([Pair])
        /// A sequence.
        case sequence([YAMLNode])
    }

    /// The resolved type of a scalar, following YAML 1.1 core rules as libyaml and Yams do.
    public enum ScalarTag: String, Sendable, Hashable {
        case string = "str"
        case int
        case float
        case bool
        case null
        case timestamp
        case other
    }

    /// A key and its value in a mapping.
    public struct Pair: Sendable, Hashable {
        /// The key node (almost always a scalar).
        public var key: YAMLNode
        /// The value node.
        public var value: YAMLNode

        /// Creates a pair.
        public init(key: YAMLNode, value: YAMLNode) {
            self.key = key
            self.value = value
        }
    }

    /// The node's content.
    public var kind: Kind
    /// Where the node starts.
    public var location: SourceLocation

    /// Creates a node.
    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// The scalar text, or nil for a mapping or sequence.
    public var scalar: String? {
        if case .scalar(let text, _, _) = kind { return text }
        return nil
    }

    /// True for an explicit or implicit null (`~`, `null`, an empty value).
    public var isNull: Bool {
        if case .scalar(_, _, let tag) = kind { return tag == .null }
        return false
    }

    /// The pairs of a mapping, or nil.
    public var pairs: [Pair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// The items of a sequence, or nil.
    public var items: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The value for a scalar key in a mapping, or nil.
    public subscript(key: String) -> YAMLNode? {
        pairs?.first { $0.key.scalar == key }?.value
    }

    /// A word for the node's type, for messages: "a mapping", "a sequence", "a string"...
    public var typeDescription: String {
        switch kind {
        case .mapping: "a mapping"
        case .sequence: "a sequence"
        case .scalar(_, _, let tag):
            switch tag {
            case .string, .timestamp, .other: "a string"
            case .int: "an integer"
            case .float: "a number"
            case .bool: "a boolean"
            case .null: "null"
            }
        }
    }
}
