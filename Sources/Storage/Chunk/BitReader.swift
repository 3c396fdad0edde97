/// Reads bit fields, most significant bit first, from a range of a byte array; every read is
/// bounds-checked and throws `ChunkError` past the end instead of trapping.
struct BitReader {
    private let bytes: [UInt8]
    private var position: Int
    private let limit: Int

    /// Reads the bits of `bytes[start..<end]` (byte offsets).
    init(_ bytes: [UInt8], start: Int, end: Int) {
        self.bytes = bytes
        self.position = start * 8
        self.limit = end * 8
    }

    /// The number of bits not yet read.
    var remainingBits: Int { limit - position }

    /// Reads `count` bits (0...64) as the low bits of the result.
    @inline(__always)
    mutating func read(bits count: Int) throws(ChunkError) -> UInt64 {
        guard count <= limit - position else {
            throw ChunkError(.truncated, "bit stream ends \(count - (limit - position)) bits early")
        }
        if count == 0 { return 0 }
        let byteIndex = position &>> 3
        let offset = position & 7
        if count <= 56 && byteIndex + 8 <= bytes.count {
            let word = bytes.withUnsafeBytes {
                $0.loadUnaligned(fromByteOffset: byteIndex, as: UInt64.self)
            }
            position += count
            return (UInt64(bigEndian: word) &<< UInt64(offset)) &>> UInt64(64 - count)
        }
        return readSlowly(count)
    }

    /// Reads one bit.
    @inline(__always)
    mutating func readBit() throws(ChunkError) -> Bool {
        try read(bits: 1) != 0
    }

    /// Reads a value written by `BitWriter.writeLengthPrefixed`.
    mutating func readLengthPrefixed() throws(ChunkError) -> UInt64 {
        let length = Int(try read(bits: 7))
        guard length <= 64 else { throw ChunkError(.corrupt, "length prefix \(length) exceeds 64 bits") }
        return try read(bits: length)
    }

    private mutating func readSlowly(_ count: Int) -> UInt64 {
        var result: UInt64 = 0
        var remaining = count
        while remaining > 0 {
            let byte = UInt64(bytes[position &>> 3])
            let available = 8 - (position & 7)
            let take = min(available, remaining)
            let part = (byte &>> UInt64(available - take)) & ((1 &<< UInt64(take)) &- 1)
            result = take == 64 ? part : (result &<< UInt64(take)) | part
            remaining -= take
            position += take
        }
        return result
    }
}

extension BitReader {
    /// Reads a value written by `BitWriter.writeExpGolomb`.
    mutating func readExpGolomb() throws(ChunkError) -> UInt64 {
        var extra = 0
        while try !readBit() {
            extra += 1
            guard extra <= 62 else { throw ChunkError(.corrupt, "exponential-Golomb prefix longer than 62 bits") }
        }
        let quotient = (1 &<< UInt64(extra)) | (try read(bits: extra))
        return ((quotient - 1) &<< 2) | (try read(bits: 2))
    }

    /// Reads a code written by `BitWriter.writeTruncated` with the same `count`.
    @inline(__always)
    mutating func readTruncated(count: UInt64) throws(ChunkError) -> UInt64 {
        let k = ZigZag.bitLength(count) - 1
        let short = (1 &<< UInt64(k + 1)) &- count
        let head = try read(bits: k)
        if head < short { return head }
        return ((head &<< 1) | (try read(bits: 1))) &- short
    }
}
