/// Zig-zag mapping between signed and unsigned integers, so small magnitudes get small codes.
enum ZigZag {
    /// Maps 0, -1, 1, -2, ... to 0, 1, 2, 3, ...
    @inline(__always)
    static func encode(_ x: Int64) -> UInt64 {
        UInt64(bitPattern: (x &<< 1) ^ (x &>> 63))
    }

    /// Inverts `encode`.
    @inline(__always)
    static func decode(_ u: UInt64) -> Int64 {
        Int64(bitPattern: u &>> 1) ^ (0 &- Int64(bitPattern: u & 1))
    }

    /// The number of significant bits of `x` (0 for 0).
    @inline(__always)
    static func bitLength(_ x: UInt64) -> Int {
        64 - x.leadingZeroBitCount
    }
}
