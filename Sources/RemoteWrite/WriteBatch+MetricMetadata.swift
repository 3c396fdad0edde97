extension WriteBatch {
    /// Type, help and unit of a metric family.
    public struct MetricMetadata: Sendable, Hashable {
        /// The metric family name (for 2.0, the `__name__` of the series that carried it).
        public var familyName: String
        /// The metric type.
        public var type: MetricType
        /// The help text; empty when not sent.
        public var help: String
        /// The unit; empty when not sent.
        public var unit: String

        /// Creates a metadata entry.
        public init(familyName: String, type: MetricType, help: String = "", unit: String = "") {
            self.familyName = familyName
            self.type = type
            self.help = help
            self.unit = unit
        }
    }
}
