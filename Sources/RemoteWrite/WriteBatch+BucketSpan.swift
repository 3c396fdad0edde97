extension WriteBatch {
    /// A run of consecutive buckets of a native histogram.
    public struct BucketSpan: Sendable, Hashable {
        /// Gap to the previous span, or the index of the first bucket for the first span.
        public var offset: Int32
        /// Number of consecutive buckets in the span.
        public var length: UInt32

        /// Creates a span.
        public init(offset: Int32, length: UInt32) {
            self.offset = offset
            self.length = length
        }
    }
}
