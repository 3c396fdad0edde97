extension WriteBatch {
    /// One float sample; the value keeps its exact bit pattern (stale markers included).
    public struct Sample: Sendable {
        /// The bit pattern of Prometheus' stale marker, a NaN that ends a series.
        public static let staleMarkerBits: UInt64 = 0x7FF0_0000_0000_0002

        /// Milliseconds since the Unix epoch.
        public var timestamp: Int64
        /// The sample value, bit for bit as sent.
        public var value: Double
        /// When the counter started counting (ms since the epoch); 0 when the sender did not say.
        public var startTimestamp: Int64

        /// Creates a sample.
        public init(timestamp: Int64, value: Double, startTimestamp: Int64 = 0) {
            self.timestamp = timestamp
            self.value = value
            self.startTimestamp = startTimestamp
        }

        /// Whether this sample is a stale marker (the exact NaN bit pattern Prometheus uses).
        public var isStaleMarker: Bool {
            value.bitPattern == Self.staleMarkerBits
        }
    }
}
