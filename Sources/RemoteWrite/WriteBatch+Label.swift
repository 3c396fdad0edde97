extension WriteBatch {
    /// A label pair of a series or an exemplar.
    public struct Label: Sendable, Hashable {
        /// The name of the label that holds the metric name.
        public static let metricNameLabel = "__name__"

        /// The label name, matching `[a-zA-Z_][a-zA-Z0-9_]*`.
        public var name: String
        /// The label value: any valid UTF-8, never empty in a decoded series.
        public var value: String

        /// Creates a label pair.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }
}
