/// The vector-matching clause of a binary operation: `on (...)` or `ignoring (...)`, then optionally `group_left`/`group_right`.
public struct VectorMatching: Sendable, Hashable {
    /// Whether the labels are the ones to match on (`on`) rather than to ignore (`ignoring`).
    public var on: Bool
    /// The labels of `on (...)` or `ignoring (...)`, in the order written.
    public var labels: [String]
    /// The `group_left`/`group_right` modifier with its extra labels.
    public var group: Group?

    /// Creates a clause.
    public init(on: Bool, labels: [String], group: Group? = nil) {
        self.on = on
        self.labels = labels
        self.group = group
    }

    /// A `group_left (...)` or `group_right (...)` modifier and the labels it copies from the "one" side.
    public enum Group: Sendable, Hashable {
        /// `group_left`: many-to-one.
        case left([String])
        /// `group_right`: one-to-many.
        case right([String])

        /// The labels listed.
        public var labels: [String] {
            switch self {
            case .left(let labels), .right(let labels): labels
            }
        }
    }

    /// How samples of the two sides pair up.
    public enum Cardinality: Sendable, Hashable {
        /// One sample on each side.
        case oneToOne
        /// Several on the left for one on the right (`group_left`).
        case manyToOne
        /// One on the left for several on the right (`group_right`).
        case oneToMany
        /// Set operators.
        case manyToMany
    }
}
