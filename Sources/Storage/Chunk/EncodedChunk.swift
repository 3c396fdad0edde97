/// An immutable, compressed run of samples of one series: its header and its bytes.
///
/// The bytes are self-describing (header, bit stream, CRC-32C) and are what the storage layer
/// persists; `init(bytes:)` parses and verifies them. Iterate with `makeIterator()`, or decode
/// into buffers with `decode(into:_:)`.
public struct EncodedChunk: Sendable, Hashable {
    /// The encoding, count and time range.
    public let header: ChunkHeader
    /// The encoded bytes, checksum included.
    public let bytes: [UInt8]
    /// The byte offset where the bit stream starts.
    let payloadStart: Int

    init(header: ChunkHeader, bytes: [UInt8], payloadStart: Int) {
        self.header = header
        self.bytes = bytes
        self.payloadStart = payloadStart
    }

    /// Parses stored bytes, verifying the header and the checksum.
    ///
    /// Throws `ChunkError` for truncated, altered or unknown bytes; samples are decoded (and
    /// checked further) only when iterated.
    public init(bytes: [UInt8]) throws(ChunkError) {
        guard bytes.count >= 5 else { throw ChunkError(.truncated, "\(bytes.count) bytes is shorter than any chunk") }
        let end = bytes.count - 4
        var stored: UInt32 = 0
        for byte in bytes[end...] { stored = stored << 8 | UInt32(byte) }
        guard CRC32C.checksum(bytes, 0..<end) == stored else {
            throw ChunkError(.checksumMismatch, "CRC-32C does not match the \(bytes.count) bytes")
        }
        let (header, payloadStart) = try ChunkHeader.read(bytes, limit: end)
        if header.count == 0 && payloadStart != end {
            throw ChunkError(.corrupt, "empty chunk with \(end - payloadStart) payload bytes")
        }
        self.init(header: header, bytes: bytes, payloadStart: payloadStart)
    }

    /// The number of samples.
    public var count: Int { header.count }

    /// The encoded size in bytes.
    public var byteCount: Int { bytes.count }

    /// The end of the bit stream (the start of the checksum).
    var payloadEnd: Int { bytes.count - 4 }

    /// An iterator over the samples, decoding as it goes without allocating.
    public func makeIterator() -> ChunkIterator {
        ChunkIterator(self)
    }

    /// Appends every sample's timestamp and value to the caller's buffers.
    public func decode(into timestamps: inout [Int64], _ values: inout [Double]) throws(ChunkError) {
        timestamps.reserveCapacity(timestamps.count + count)
        values.reserveCapacity(values.count + count)
        var iterator = makeIterator()
        while let sample = try iterator.next() {
            timestamps.append(sample.t)
            values.append(sample.v)
        }
    }

    /// All samples, in time order.
    public func samples() throws(ChunkError) -> [ChunkSample] {
        var result: [ChunkSample] = []
        result.reserveCapacity(count)
        var iterator = makeIterator()
        while let sample = try iterator.next() { result.append(sample) }
        return result
    }
}
