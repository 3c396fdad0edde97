extension WriteBatch {
    /// A native (sparse) histogram sample, with integer or float counts, as sent.
    public struct Histogram: Sendable {
        /// A count of observations: integer for integer histograms, float for float histograms.
        public enum Count: Sendable {
            /// An integer count (integer histograms).
            case integer(UInt64)
            /// A float count (float histograms).
            case float(Double)
        }

        /// Whether the sender knows of a counter reset before this sample.
        public enum ResetHint: Sendable, Hashable {
            /// Unknown: a reset must be detected by comparing with the previous sample.
            case unknown
            /// This is the first histogram after a counter reset.
            case yes
            /// There was no counter reset since the previous histogram.
            case no
            /// A gauge histogram, where counter resets do not apply.
            case gauge
        }

        /// Total number of observations.
        public var count: Count
        /// Sum of the observations (bit for bit; a stale NaN marks a stale histogram).
        public var sum: Double
        /// Bucket schema: -4...8 exponential, -53 custom buckets.
        public var schema: Int32
        /// Width of the zero bucket around zero.
        public var zeroThreshold: Double
        /// Observations in the zero bucket.
        public var zeroCount: Count
        /// Spans of the negative buckets.
        public var negativeSpans: [BucketSpan]
        /// Integer histograms: each negative bucket's count as a delta to the previous bucket's.
        public var negativeDeltas: [Int64]
        /// Float histograms: each negative bucket's absolute count.
        public var negativeCounts: [Double]
        /// Spans of the positive buckets.
        public var positiveSpans: [BucketSpan]
        /// Integer histograms: each positive bucket's count as a delta to the previous bucket's.
        public var positiveDeltas: [Int64]
        /// Float histograms: each positive bucket's absolute count.
        public var positiveCounts: [Double]
        /// The sender's counter-reset hint.
        public var resetHint: ResetHint
        /// Milliseconds since the Unix epoch.
        public var timestamp: Int64
        /// Upper bounds of the custom buckets (schema -53); empty otherwise.
        public var customValues: [Double]
        /// When the histogram started counting (ms since the epoch); 0 when the sender did not say.
        public var startTimestamp: Int64

        /// Creates a histogram sample.
        public init(
            count: Count,
            sum: Double,
            schema: Int32,
            zeroThreshold: Double,
            zeroCount: Count,
            negativeSpans: [BucketSpan] = [],
            negativeDeltas: [Int64] = [],
            negativeCounts: [Double] = [],
            positiveSpans: [BucketSpan] = [],
            positiveDeltas: [Int64] = [],
            positiveCounts: [Double] = [],
            resetHint: ResetHint = .unknown,
            timestamp: Int64,
            customValues: [Double] = [],
            startTimestamp: Int64 = 0
        ) {
            self.count = count
            self.sum = sum
            self.schema = schema
            self.zeroThreshold = zeroThreshold
            self.zeroCount = zeroCount
            self.negativeSpans = negativeSpans
            self.negativeDeltas = negativeDeltas
            self.negativeCounts = negativeCounts
            self.positiveSpans = positiveSpans
            self.positiveDeltas = positiveDeltas
            self.positiveCounts = positiveCounts
            self.resetHint = resetHint
            self.timestamp = timestamp
            self.customValues = customValues
            self.startTimestamp = startTimestamp
        }

        /// Whether the counts are floats (a float histogram) rather than integers.
        public var isFloatHistogram: Bool {
            if case .float = count { return true }
            return false
        }

        /// Whether this is a stale marker: the sum carries Prometheus' stale NaN bit pattern.
        public var isStaleMarker: Bool {
            sum.bitPattern == Sample.staleMarkerBits
        }
    }
}

extension WriteBatch.Histogram.Count {
    /// Whether this is a float count.
    var isFloat: Bool {
        if case .float = self { return true }
        return false
    }
}
