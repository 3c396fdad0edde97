/// Decodes a chunk's samples one at a time, in time order, without allocating.
///
/// `next()` throws `ChunkError` when the bit stream is inconsistent (it ends early, has bytes
/// left over, or yields timestamps that do not increase up to the header's `maxT`); after an
/// error it returns `nil`.
public struct ChunkIterator {
    private var reader: BitReader
    private let header: ChunkHeader
    private var index = 0
    private var done = false
    private var timePlan = PackingPlan.empty
    private var valuePlan = PackingPlan.empty
    private var time: Int64 = 0
    private var timeDelta: UInt64 = 0
    private var firstInteger: UInt64 = 0
    private var integer: UInt64 = 0
    private var integerDelta: UInt64 = 0
    private var xor = XORValueCoder(first: 0)

    /// Starts before the first sample of `chunk`.
    public init(_ chunk: EncodedChunk) {
        header = chunk.header
        reader = BitReader(chunk.bytes, start: chunk.payloadStart, end: chunk.payloadEnd)
    }

    /// The next sample, or `nil` after the last one.
    public mutating func next() throws(ChunkError) -> ChunkSample? {
        if done { return nil }
        do {
            if index == header.count {
                done = true
                try finishStream()
                return nil
            }
            let sample = index == 0 ? try readFirst() : try readNext()
            index += 1
            return sample
        } catch {
            done = true
            throw error
        }
    }

    private mutating func readFirst() throws(ChunkError) -> ChunkSample {
        time = header.minT
        let value: Double
        switch header.encoding {
        case .xor:
            let bits = try reader.read(bits: 64)
            xor = XORValueCoder(first: bits)
            value = Double(bitPattern: bits)
        case .integer:
            integer = UInt64(bitPattern: ZigZag.decode(try reader.readLengthPrefixed()))
            firstInteger = integer
            value = Double(Int64(bitPattern: integer))
        }
        if header.count > 1 {
            timePlan = try PackingPlan.readHeader(from: &reader)
            if header.encoding == .integer { valuePlan = try PackingPlan.readHeader(from: &reader) }
        }
        return ChunkSample(t: time, v: value)
    }

    private mutating func readNext() throws(ChunkError) -> ChunkSample {
        let t = Int64(bitPattern: try timePlan.next(
            index, previous: UInt64(bitPattern: time), delta: &timeDelta, first: UInt64(bitPattern: header.minT), from: &reader
        ))
        guard t > time, t <= header.maxT else {
            throw ChunkError(.corrupt, "sample \(index) has timestamp \(t) after \(time), outside ..\(header.maxT)")
        }
        time = t
        let value: Double
        switch header.encoding {
        case .xor:
            value = Double(bitPattern: try xor.decode(from: &reader))
        case .integer:
            integer = try valuePlan.next(index, previous: integer, delta: &integerDelta, first: firstInteger, from: &reader)
            value = Double(Int64(bitPattern: integer))
        }
        return ChunkSample(t: t, v: value)
    }

    private func finishStream() throws(ChunkError) {
        guard header.count == 0 || time == header.maxT else {
            throw ChunkError(.corrupt, "last timestamp \(time) differs from the header's \(header.maxT)")
        }
        guard reader.remainingBits < 8 else {
            throw ChunkError(.corrupt, "\(reader.remainingBits) bits left after the last sample")
        }
    }
}
