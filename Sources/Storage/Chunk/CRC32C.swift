/// CRC-32C (Castagnoli), the checksum Prometheus uses for chunks, over a byte range.
///
/// Slicing-by-8: eight bytes a step through eight 256-entry tables, several times faster than
/// a byte at a time (chunks are checksummed when cut and verified on every read).
enum CRC32C {
    /// Table `k` (entries `256 * k ..< 256 * (k + 1)`) advances a byte followed by `k` zero bytes.
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for index in 0..<256 {
            var crc = UInt32(index)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1
            }
            tables[index] = crc
        }
        for k in 1..<8 {
            for index in 0..<256 {
                let previous = tables[256 * (k - 1) + index]
                tables[256 * k + index] = (previous >> 8) ^ tables[Int(previous & 0xff)]
            }
        }
        return tables
    }()

    /// The checksum of `bytes[range]`.
    static func checksum(_ bytes: [UInt8], _ range: Range<Int>) -> UInt32 {
        tables.withUnsafeBufferPointer { t in
            bytes.withUnsafeBytes { raw in
                var crc: UInt32 = 0xFFFF_FFFF
                var index = range.lowerBound
                let end = range.upperBound
                while end - index >= 8 {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    let low = UInt32(truncatingIfNeeded: word) ^ crc
                    let high = UInt32(truncatingIfNeeded: word &>> 32)
                    crc = t[0x700 | Int(low & 0xff)] ^ t[0x600 | Int((low >> 8) & 0xff)]
                        ^ t[0x500 | Int((low >> 16) & 0xff)] ^ t[0x400 | Int(low >> 24)]
                        ^ t[0x300 | Int(high & 0xff)] ^ t[0x200 | Int((high >> 8) & 0xff)]
                        ^ t[0x100 | Int((high >> 16) & 0xff)] ^ t[Int(high >> 24)]
                    index += 8
                }
                while index < end {
                    crc = t[Int((crc ^ UInt32(raw[index])) & 0xff)] ^ (crc >> 8)
                    index += 1
                }
                return crc ^ 0xFFFF_FFFF
            }
        }
    }
}
