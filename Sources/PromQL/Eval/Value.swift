public import Storage

/// One sample of a query result: a timestamp in milliseconds and a float value, compared by bit pattern.
public typealias Point = ChunkSample

/// The result of evaluating a PromQL expression, as Prometheus' API types it.
public enum Value: Sendable, Hashable {
    /// A single number at the evaluation time (`scalar`).
    case scalar(t: Int64, v: Double)
    /// One sample per series at the evaluation time (`vector`).
    case vector([Sample])
    /// Several samples per series (`matrix`): a range selector, a subquery, or a range query's result.
    case matrix([Series])
    /// A string at the evaluation time (`string`).
    case string(t: Int64, String)

    /// The name Prometheus' API gives the type: `scalar`, `vector`, `matrix` or `string`.
    public var typeName: String {
        switch self {
        case .scalar: "scalar"
        case .vector: "vector"
        case .matrix: "matrix"
        case .string: "string"
        }
    }
}

/// A sample of an instant vector: the series' labels, the evaluation time and the value.
public struct Sample: Sendable, Hashable {
    /// The series' labels (without `__name__` once a function or arithmetic dropped it).
    public var labels: Labels
    /// The evaluation time in milliseconds.
    public var t: Int64
    /// The value.
    public var v: Double

    /// Creates a sample.
    public init(labels: Labels, t: Int64, v: Double) {
        self.labels = labels
        self.t = t
        self.v = v
    }

    /// Compares labels, time and the value's bit pattern.
    public static func == (lhs: Sample, rhs: Sample) -> Bool {
        lhs.labels == rhs.labels && lhs.t == rhs.t && lhs.v.bitPattern == rhs.v.bitPattern
    }

    /// Hashes labels, time and the value's bit pattern.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(labels)
        hasher.combine(t)
        hasher.combine(v.bitPattern)
    }
}

/// A series of a range vector or range query: labels and points in time order.
public struct Series: Sendable, Hashable {
    /// The series' labels.
    public var labels: Labels
    /// The points, ascending by time.
    public var points: [Point]

    /// Creates a series.
    public init(labels: Labels, points: [Point]) {
        self.labels = labels
        self.points = points
    }
}
