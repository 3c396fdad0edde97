/// Collects the samples of one series in time order and encodes them into an `EncodedChunk` when
/// the chunk is cut.
///
/// Samples are kept raw (two reserved arrays, no per-sample allocation) until `finish()`, which
/// chooses the encoding with the whole chunk in view: timestamps as packed grid residuals, deltas
/// or deltas of deltas (whichever is smallest, see `PackingPlan`), values as Gorilla XOR or, when
/// every value is an integer that fits, packed the same way as timestamps — the smaller wins.
/// Keeping the head raw matches the storage design (the head lives in memory and in WAL rows
/// until it is cut) and lets the per-chunk bit widths fit the data exactly, instead of tracking
/// several candidate bit streams while appending.
public struct ChunkEncoder: Sendable {
    /// The most samples one chunk holds.
    public static let maximumSampleCount = 65_536

    /// The format byte plus the largest varints of count, minT and span, then the checksum.
    private static let maxHeaderBytes = 1 + 3 + 10 + 10 + 4

    private var timestamps: [Int64] = []
    private var values: [Double] = []
    private var allIntegers = true

    /// Creates an empty encoder with room for `expectedCount` samples.
    public init(expectedCount: Int = 120) {
        timestamps.reserveCapacity(expectedCount)
        values.reserveCapacity(expectedCount)
    }

    /// The number of samples appended.
    public var count: Int { timestamps.count }

    /// Whether no sample has been appended.
    public var isEmpty: Bool { timestamps.isEmpty }

    /// The first timestamp, if any.
    public var minT: Int64? { timestamps.first }

    /// The last timestamp, if any.
    public var maxT: Int64? { timestamps.last }

    /// Appends a sample whose timestamp is after every appended one.
    ///
    /// Throws `.outOfOrder` for an earlier timestamp, `.duplicateTimestamp` for an equal one and
    /// `.chunkFull` past `maximumSampleCount`; the encoder is unchanged then. Every value is
    /// accepted and kept bit for bit, NaN payloads (such as the stale marker) and `-0.0` included.
    public mutating func append(t: Int64, v: Double) throws(ChunkError) {
        if let last = timestamps.last, t <= last {
            if t == last { throw ChunkError(.duplicateTimestamp, "timestamp \(t) is already in the chunk") }
            throw ChunkError(.outOfOrder, "timestamp \(t) is before the chunk's last, \(last)")
        }
        guard timestamps.count < Self.maximumSampleCount else {
            throw ChunkError(.chunkFull, "a chunk holds at most \(Self.maximumSampleCount) samples")
        }
        timestamps.append(t)
        values.append(v)
        if allIntegers && !Self.isPackableInteger(v) { allIntegers = false }
    }

    /// Appends a sample; see `append(t:v:)`.
    public mutating func append(_ sample: ChunkSample) throws(ChunkError) {
        try append(t: sample.t, v: sample.v)
    }

    /// Removes every sample, keeping the reserved capacity.
    public mutating func reset() {
        timestamps.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        allIntegers = true
    }

    /// Whether `v` survives `Double(Int64(v))` bit for bit (the range test also rejects NaN and infinities).
    @inline(__always)
    static func isPackableInteger(_ v: Double) -> Bool {
        v >= -0x1p63 && v < 0x1p63 && Double(Int64(v)) == v && !(v == 0 && v.sign == .minus)
    }

    /// The summary of the samples appended so far.
    public func summary() -> ChunkSummary {
        var builder = ChunkSummary.Builder()
        for i in timestamps.indices { builder.add(t: timestamps[i], v: values[i]) }
        return builder.build()
    }

    /// Encodes the samples and their summary: what the storage layer keeps when it cuts a chunk.
    public func cut() -> (chunk: EncodedChunk, summary: ChunkSummary) {
        (finish(), summary())
    }

    /// Encodes the samples appended so far; the encoder itself is unchanged.
    public func finish() -> EncodedChunk {
        finish(preferring: nil)
    }

    /// Encodes with `preferred` when the values allow it (for tests), else as `finish()` does.
    func finish(preferring preferred: ChunkEncoding?) -> EncodedChunk {
        let n = timestamps.count
        let timeBits = timestamps.map { UInt64(bitPattern: $0) }
        let timePlan = n >= 2 ? PackingPlan.best(for: timeBits) : nil

        var encoding = ChunkEncoding.xor
        var integerBits: [UInt64] = []
        var valuePlan: PackingPlan?
        if allIntegers && n >= 1 {
            integerBits = values.map { UInt64(bitPattern: Int64($0)) }
            let plan = n >= 2 ? PackingPlan.best(for: integerBits) : nil
            let integerCost = BitWriter.lengthPrefixedCost(ZigZag.encode(Int64(bitPattern: integerBits[0]))) + (plan?.cost ?? 0)
            if preferred == .integer || (preferred == nil && integerCost <= xorCost(reaching: integerCost)) {
                encoding = .integer
                valuePlan = plan
            }
        }

        let header = ChunkHeader(encoding: encoding, count: n, minT: timestamps.first ?? 0, maxT: timestamps.last ?? 0)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.maxHeaderBytes + (timePlan?.cost ?? 0) / 8 + n * 3)
        header.write(to: &bytes)
        let payloadStart = bytes.count
        var writer = BitWriter(appendingTo: bytes)
        if n > 0 {
            switch encoding {
            case .xor: writeXOR(timeBits: timeBits, timePlan: timePlan, into: &writer)
            case .integer: writeIntegers(integerBits, timeBits: timeBits, timePlan: timePlan, valuePlan: valuePlan, into: &writer)
            }
        }
        bytes = writer.finish()
        let crc = CRC32C.checksum(bytes, 0..<bytes.count)
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: crc >> UInt32(shift))) }
        return EncodedChunk(header: header, bytes: bytes, payloadStart: payloadStart)
    }

    /// The bits of the XOR value stream, or a partial count of at least `limit` once it is
    /// clear the stream takes that many.
    private func xorCost(reaching limit: Int) -> Int {
        var coder = XORValueCoder(first: values[0].bitPattern)
        var bits = 64
        for i in 1..<values.count {
            bits += coder.cost(values[i].bitPattern)
            if bits >= limit { return bits }
        }
        return bits
    }

    /// Writes the element of `plan` for sample `i` of `xs`, if the plan stores one there.
    @inline(__always)
    private static func writeElement(_ plan: PackingPlan, _ xs: [UInt64], _ i: Int, into writer: inout BitWriter) {
        if let e = plan.element(xs, i) { plan.write(e, into: &writer) }
    }

    private func writeXOR(timeBits: [UInt64], timePlan: PackingPlan?, into writer: inout BitWriter) {
        writer.write(values[0].bitPattern, bits: 64)
        guard let timePlan else { return }
        timePlan.writeHeader(into: &writer)
        var coder = XORValueCoder(first: values[0].bitPattern)
        for i in 1..<values.count {
            Self.writeElement(timePlan, timeBits, i, into: &writer)
            coder.encode(values[i].bitPattern, into: &writer)
        }
    }

    private func writeIntegers(
        _ xs: [UInt64], timeBits: [UInt64], timePlan: PackingPlan?, valuePlan: PackingPlan?, into writer: inout BitWriter
    ) {
        writer.writeLengthPrefixed(ZigZag.encode(Int64(bitPattern: xs[0])))
        guard let timePlan, let valuePlan else { return }
        timePlan.writeHeader(into: &writer)
        valuePlan.writeHeader(into: &writer)
        for i in 1..<xs.count {
            Self.writeElement(timePlan, timeBits, i, into: &writer)
            Self.writeElement(valuePlan, xs, i, into: &writer)
        }
    }
}
