/// What a chunk holds, readable without decoding its samples.
///
/// The same fields open the chunk's bytes: a format byte (version in the high nibble, encoding in
/// the low), the sample count as a varint, `minT` as a zig-zag varint and `maxT - minT` as a
/// varint (each only when there are samples to describe).
public struct ChunkHeader: Sendable, Hashable {
    /// The format version this code writes and reads.
    static let version: UInt8 = 1

    /// How the values are encoded.
    public var encoding: ChunkEncoding
    /// The number of samples, stale markers included.
    public var count: Int
    /// The first sample's timestamp (0 for an empty chunk).
    public var minT: Int64
    /// The last sample's timestamp (0 for an empty chunk).
    public var maxT: Int64

    /// Creates a header.
    public init(encoding: ChunkEncoding, count: Int, minT: Int64, maxT: Int64) {
        self.encoding = encoding
        self.count = count
        self.minT = minT
        self.maxT = maxT
    }

    /// Appends the header's bytes.
    func write(to bytes: inout [UInt8]) {
        bytes.append(Self.version << 4 | encoding.rawValue)
        Varint.append(UInt64(count), to: &bytes)
        if count > 0 { Varint.append(ZigZag.encode(minT), to: &bytes) }
        if count > 1 { Varint.append(UInt64(bitPattern: maxT &- minT), to: &bytes) }
    }

    /// Reads a header from the start of `bytes[..<limit]`; returns it and the offset after it.
    static func read(_ bytes: [UInt8], limit: Int) throws(ChunkError) -> (ChunkHeader, Int) {
        guard limit > 0 else { throw ChunkError(.truncated, "no format byte") }
        let format = bytes[0]
        guard format >> 4 == version, let encoding = ChunkEncoding(rawValue: format & 0x0f) else {
            throw ChunkError(.unsupportedFormat, "format byte 0x\(String(format, radix: 16))")
        }
        var offset = 1
        let rawCount = try Varint.read(bytes, at: &offset, limit: limit)
        guard rawCount <= UInt64(ChunkEncoder.maximumSampleCount) else {
            throw ChunkError(.corrupt, "count \(rawCount) exceeds \(ChunkEncoder.maximumSampleCount)")
        }
        let count = Int(rawCount)
        var minT: Int64 = 0
        var maxT: Int64 = 0
        if count > 0 {
            minT = ZigZag.decode(try Varint.read(bytes, at: &offset, limit: limit))
            maxT = minT
        }
        if count > 1 {
            let span = try Varint.read(bytes, at: &offset, limit: limit)
            guard span >= UInt64(count - 1), span <= UInt64(bitPattern: Int64.max &- minT) else {
                throw ChunkError(.corrupt, "time span \(span) cannot hold \(count) increasing timestamps from \(minT)")
            }
            maxT = minT &+ Int64(bitPattern: span)
        }
        return (ChunkHeader(encoding: encoding, count: count, minT: minT, maxT: maxT), offset)
    }
}
