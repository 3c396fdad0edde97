extension WriteBatch.MetricType {
    /// The type for a metric-type enum number as sent on the wire (1.0 and 2.0 number them
    /// alike); numbers this version does not know are ``unknown``.
    init(wireValue raw: UInt64) {
        switch WireReader.enumValue(raw) {
        case 1: self = .counter
        case 2: self = .gauge
        case 3: self = .histogram
        case 4: self = .gaugeHistogram
        case 5: self = .summary
        case 6: self = .info
        case 7: self = .stateset
        default: self = .unknown
        }
    }
}
