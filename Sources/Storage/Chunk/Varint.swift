/// Unsigned LEB128 varints for the byte-aligned chunk and summary headers.
enum Varint {
    /// Appends `x` as 1 to 10 bytes, seven bits a byte, low bits first.
    static func append(_ x: UInt64, to bytes: inout [UInt8]) {
        var x = x
        while x >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: x) | 0x80)
            x >>= 7
        }
        bytes.append(UInt8(x))
    }

    /// Reads a varint at `offset` (advancing it), not reading at or past `limit`.
    static func read(_ bytes: [UInt8], at offset: inout Int, limit: Int) throws(ChunkError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < limit else { throw ChunkError(.truncated, "varint runs past the end") }
            let byte = bytes[offset]
            offset += 1
            if shift == 63 && byte > 1 { throw ChunkError(.corrupt, "varint overflows 64 bits") }
            result |= UInt64(byte & 0x7f) &<< shift
            if byte < 0x80 { return result }
            shift += 7
            if shift > 63 { throw ChunkError(.corrupt, "varint longer than 10 bytes") }
        }
    }
}
