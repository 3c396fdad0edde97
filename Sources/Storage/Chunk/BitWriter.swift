/// Appends bit fields, most significant bit first, to a byte array.
///
/// Bits collect in a 64-bit word that is flushed eight bytes at a time; `finish()` pads the last
/// byte with zero bits.
struct BitWriter {
    private var bytes: [UInt8]
    private var pending: UInt64 = 0
    private var pendingCount = 0

    /// Starts writing after the bytes already in `bytes`.
    init(appendingTo bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The number of bits written so far, including the bytes the writer started with.
    var bitCount: Int { bytes.count * 8 + pendingCount }

    /// Writes the low `count` bits of `value` (0...64 bits).
    @inline(__always)
    mutating func write(_ value: UInt64, bits count: Int) {
        if count == 0 { return }
        let value = count == 64 ? value : value & ((1 &<< UInt64(count)) &- 1)
        let free = 64 - pendingCount
        if count < free {
            pending = (pending &<< UInt64(count)) | value
            pendingCount += count
            return
        }
        let rest = count - free
        let head = value &>> UInt64(rest)
        pending = free == 64 ? head : (pending &<< UInt64(free)) | head
        flushWord()
        pending = rest == 0 ? 0 : value & ((1 &<< UInt64(rest)) &- 1)
        pendingCount = rest
    }

    /// Writes one bit.
    @inline(__always)
    mutating func writeBit(_ bit: Bool) {
        write(bit ? 1 : 0, bits: 1)
    }

    /// Writes `value` as a 7-bit length followed by that many significant bits.
    mutating func writeLengthPrefixed(_ value: UInt64) {
        let length = ZigZag.bitLength(value)
        write(UInt64(length), bits: 7)
        write(value, bits: length)
    }

    /// The cost in bits of `writeLengthPrefixed(value)`.
    static func lengthPrefixedCost(_ value: UInt64) -> Int {
        7 + ZigZag.bitLength(value)
    }

    /// Flushes the pending bits, zero-padding the last byte, and returns the bytes.
    mutating func finish() -> [UInt8] {
        var remaining = pendingCount
        while remaining > 0 {
            let shift = remaining >= 8 ? remaining - 8 : 0
            var byte = UInt8(truncatingIfNeeded: pending &>> UInt64(shift))
            if remaining < 8 { byte = UInt8(truncatingIfNeeded: pending &<< UInt64(8 - remaining)) }
            bytes.append(byte)
            remaining -= min(8, remaining)
        }
        pending = 0
        pendingCount = 0
        return bytes
    }

    @inline(__always)
    private mutating func flushWord() {
        withUnsafeBytes(of: pending.bigEndian) { bytes.append(contentsOf: $0) }
    }
}

extension BitWriter {
    /// Writes `value` as an order-2 exponential-Golomb code: short for small values, any 64-bit value allowed.
    mutating func writeExpGolomb(_ value: UInt64) {
        let quotient = (value &>> 2) + 1
        let extra = ZigZag.bitLength(quotient) - 1
        write(0, bits: extra)
        write(quotient, bits: extra + 1)
        write(value & 3, bits: 2)
    }

    /// The cost in bits of `writeExpGolomb(value)`.
    @inline(__always)
    static func expGolombCost(_ value: UInt64) -> Int {
        2 * (ZigZag.bitLength((value &>> 2) + 1) - 1) + 3
    }

    /// Writes `code` (below `count`) in a truncated binary code: `k` or `k + 1` bits, where
    /// `k = floor(log2(count))`, the shorter codes going to the smaller values.
    @inline(__always)
    mutating func writeTruncated(_ code: UInt64, count: UInt64) {
        let k = ZigZag.bitLength(count) - 1
        let short = (1 &<< UInt64(k + 1)) &- count
        if code < short {
            write(code, bits: k)
        } else {
            write(code &+ short, bits: k + 1)
        }
    }
}
