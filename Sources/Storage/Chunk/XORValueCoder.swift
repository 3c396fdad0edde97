/// The Gorilla XOR coding of consecutive value bit patterns, with its running state.
///
/// Per value: `0` when it equals the previous one; `10` and the meaningful bits when the XOR fits
/// the previous leading/trailing-zero window; `11`, 5 bits of leading zeros (at most 31), 6 bits
/// of meaningful-bit count minus one, and the meaningful bits otherwise (which opens a new window).
struct XORValueCoder {
    /// The previous value's bit pattern.
    private(set) var previous: UInt64
    private var leading = 65
    private var trailing = 0

    /// Starts after the first value, which is stored raw.
    init(first: UInt64) {
        previous = first
    }

    /// The bits `encode(value)` would write, advancing the state the same way.
    @inline(__always)
    mutating func cost(_ value: UInt64) -> Int {
        let xor = value ^ previous
        previous = value
        if xor == 0 { return 1 }
        let lz = min(31, xor.leadingZeroBitCount)
        let tz = xor.trailingZeroBitCount
        if lz >= leading && tz >= trailing { return 2 + 64 - leading - trailing }
        leading = lz
        trailing = tz
        return 2 + 5 + 6 + 64 - lz - tz
    }

    /// Writes the code of `value`.
    @inline(__always)
    mutating func encode(_ value: UInt64, into writer: inout BitWriter) {
        let xor = value ^ previous
        previous = value
        if xor == 0 {
            writer.write(0, bits: 1)
            return
        }
        let lz = min(31, xor.leadingZeroBitCount)
        let tz = xor.trailingZeroBitCount
        if lz >= leading && tz >= trailing {
            writer.write(0b10, bits: 2)
            writer.write(xor &>> UInt64(trailing), bits: 64 - leading - trailing)
            return
        }
        leading = lz
        trailing = tz
        let significant = 64 - lz - tz
        writer.write(0b11, bits: 2)
        writer.write(UInt64(lz), bits: 5)
        writer.write(UInt64(significant - 1), bits: 6)
        writer.write(xor &>> UInt64(tz), bits: significant)
    }

    /// Reads the next value's bit pattern.
    @inline(__always)
    mutating func decode(from reader: inout BitReader) throws(ChunkError) -> UInt64 {
        if try !reader.readBit() { return previous }
        if try !reader.readBit() {
            guard leading <= 64 else { throw ChunkError(.corrupt, "XOR window reused before one was opened") }
            let bits = try reader.read(bits: 64 - leading - trailing)
            previous ^= bits &<< UInt64(trailing)
            return previous
        }
        let lz = Int(try reader.read(bits: 5))
        let significant = Int(try reader.read(bits: 6)) + 1
        guard lz + significant <= 64 else {
            throw ChunkError(.corrupt, "XOR window of \(lz) leading and \(significant) meaningful bits exceeds 64")
        }
        leading = lz
        trailing = 64 - lz - significant
        let bits = try reader.read(bits: significant)
        previous ^= bits &<< UInt64(trailing)
        return previous
    }
}
