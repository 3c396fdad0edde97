extension WriteBatch {
    /// An example observation attached to a series, typically carrying a `trace_id` label.
    public struct Exemplar: Sendable {
        /// The exemplar's own labels, sorted by name; may be empty.
        public var labels: [Label]
        /// The observed value.
        public var value: Double
        /// Milliseconds since the Unix epoch; 0 when the sender did not say.
        public var timestamp: Int64

        /// Creates an exemplar.
        public init(labels: [Label], value: Double, timestamp: Int64) {
            self.labels = labels
            self.value = value
            self.timestamp = timestamp
        }
    }
}
