/// One stored sample: a timestamp in milliseconds and a float value.
///
/// Equality compares the value by bit pattern, so NaNs with the same payload (such as the
/// Prometheus stale marker) are equal and `0.0` differs from `-0.0`.
public struct ChunkSample: Sendable, Hashable, CustomStringConvertible {
    /// The bit pattern of the Prometheus stale marker, a NaN.
    public static let staleMarkerBits: UInt64 = 0x7ff0_0000_0000_0002

    /// The Prometheus stale marker value.
    public static let staleMarker = Double(bitPattern: staleMarkerBits)

    /// Milliseconds since the Unix epoch.
    public var t: Int64
    /// The sample value.
    public var v: Double

    /// Creates a sample from a timestamp in milliseconds and a value.
    public init(t: Int64, v: Double) {
        self.t = t
        self.v = v
    }

    /// Whether the value is the Prometheus stale marker (compared by bit pattern).
    public var isStaleMarker: Bool { v.bitPattern == Self.staleMarkerBits }

    /// Compares timestamps and value bit patterns.
    public static func == (lhs: ChunkSample, rhs: ChunkSample) -> Bool {
        lhs.t == rhs.t && lhs.v.bitPattern == rhs.v.bitPattern
    }

    /// Hashes the timestamp and the value's bit pattern.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(t)
        hasher.combine(v.bitPattern)
    }

    /// The sample as `t:v` with the value's bits in hex when it is a NaN.
    public var description: String {
        v.isNaN ? "\(t):NaN(0x\(String(v.bitPattern, radix: 16)))" : "\(t):\(v)"
    }
}

extension Array where Element == ChunkSample {
    /// The positions of the samples with `start <= t <= end`, for samples in time order; found
    /// by binary search.
    public func positions(from start: Int64, through end: Int64) -> Range<Int> {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle].t < start { low = middle + 1 } else { high = middle }
        }
        var upper = low
        high = count
        while upper < high {
            let middle = (upper + high) / 2
            if self[middle].t <= end { upper = middle + 1 } else { high = middle }
        }
        return low..<upper
    }
}
