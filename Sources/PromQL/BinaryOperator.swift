/// The binary operators of PromQL.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `+`.
    case add = "+"
    /// `-`.
    case sub = "-"
    /// `*`.
    case mul = "*"
    /// `/`.
    case div = "/"
    /// `%`.
    case mod = "%"
    /// `^`, right-associative.
    case pow = "^"
    /// `atan2`.
    case atan2
    /// `==`.
    case equal = "=="
    /// `!=`.
    case notEqual = "!="
    /// `>`.
    case greater = ">"
    /// `<`.
    case less = "<"
    /// `>=`.
    case greaterOrEqual = ">="
    /// `<=`.
    case lessOrEqual = "<="
    /// `and`.
    case and
    /// `or`.
    case or
    /// `unless`.
    case unless

    /// The operator as written.
    public var description: String { rawValue }

    /// Whether the operator is a comparison (`==`, `!=`, `>`, `<`, `>=`, `<=`).
    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .greater, .less, .greaterOrEqual, .lessOrEqual: true
        default: false
        }
    }

    /// Whether the operator is a set operator (`and`, `or`, `unless`).
    public var isSetOperator: Bool {
        self == .and || self == .or || self == .unless
    }

    /// The binding strength: `or` 1, `and`/`unless` 2, comparisons 3, `+ -` 4, `* / % atan2` 5, `^` 6.
    public var precedence: Int {
        switch self {
        case .or: 1
        case .and, .unless: 2
        case .equal, .notEqual, .greater, .less, .greaterOrEqual, .lessOrEqual: 3
        case .add, .sub: 4
        case .mul, .div, .mod, .atan2: 5
        case .pow: 6
        }
    }

    /// Whether the operator groups right to left (only `^`).
    public var isRightAssociative: Bool {
        self == .pow
    }
}
