extension ChunkSummary {
    private static let formatVersion: UInt8 = 1

    private enum Flag {
        static let hasSamples: UInt8 = 1
        static let integerSum: UInt8 = 2
        static let constant: UInt8 = 4
    }

    /// The summary as bytes for storing beside its chunk: a version byte, a flags byte, varint
    /// counts and raw 64-bit doubles (so NaN payloads survive), in a fixed order.
    public func serialized() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(48 + resetValues.count * 8)
        bytes.append(Self.formatVersion)
        var flags: UInt8 = 0
        if first != nil { flags |= Flag.hasSamples }
        if integerSum != nil { flags |= Flag.integerSum }
        if isConstant { flags |= Flag.constant }
        bytes.append(flags)
        Varint.append(UInt64(sampleCount), to: &bytes)
        Varint.append(UInt64(count), to: &bytes)
        Varint.append(UInt64(changes), to: &bytes)
        Varint.append(UInt64(resetValues.count), to: &bytes)
        if let first, let last, let min, let max {
            Varint.append(ZigZag.encode(first.t), to: &bytes)
            Varint.append(ZigZag.encode(last.t), to: &bytes)
            for value in [first.v, last.v, min, max] { Self.appendRaw(value.bitPattern, to: &bytes) }
        }
        for value in resetValues { Self.appendRaw(value.bitPattern, to: &bytes) }
        if let integerSum {
            Varint.append(ZigZag.encode(integerSum.sum), to: &bytes)
            Varint.append(integerSum.magnitude, to: &bytes)
        }
        return bytes
    }

    /// Parses bytes written by `serialized()`, throwing `ChunkError` when they are inconsistent.
    public init(serialized bytes: [UInt8]) throws(ChunkError) {
        var offset = 0
        let limit = bytes.count
        guard limit >= 2 else { throw ChunkError(.truncated, "summary of \(limit) bytes") }
        guard bytes[0] == Self.formatVersion else {
            throw ChunkError(.unsupportedFormat, "summary version \(bytes[0])")
        }
        let flags = bytes[1]
        guard flags & ~(Flag.hasSamples | Flag.integerSum | Flag.constant) == 0 else {
            throw ChunkError(.corrupt, "unknown summary flags 0x\(String(flags, radix: 16))")
        }
        offset = 2
        let maxCount = UInt64(ChunkEncoder.maximumSampleCount)
        let sampleCount = try Varint.read(bytes, at: &offset, limit: limit)
        let count = try Varint.read(bytes, at: &offset, limit: limit)
        let changes = try Varint.read(bytes, at: &offset, limit: limit)
        let resets = try Varint.read(bytes, at: &offset, limit: limit)
        let hasSamples = flags & Flag.hasSamples != 0
        guard sampleCount <= maxCount, count <= sampleCount, changes < Swift.max(count, 1), resets < Swift.max(count, 1),
              hasSamples == (count > 0)
        else { throw ChunkError(.corrupt, "summary counts do not fit together") }
        var first: ChunkSample?
        var last: ChunkSample?
        var min: Double?
        var max: Double?
        if hasSamples {
            let firstT = ZigZag.decode(try Varint.read(bytes, at: &offset, limit: limit))
            let lastT = ZigZag.decode(try Varint.read(bytes, at: &offset, limit: limit))
            guard firstT <= lastT else { throw ChunkError(.corrupt, "summary first time after last time") }
            let firstV = try Self.readRaw(bytes, at: &offset)
            let lastV = try Self.readRaw(bytes, at: &offset)
            min = try Self.readRaw(bytes, at: &offset)
            max = try Self.readRaw(bytes, at: &offset)
            first = ChunkSample(t: firstT, v: firstV)
            last = ChunkSample(t: lastT, v: lastV)
        }
        var resetValues: [Double] = []
        resetValues.reserveCapacity(Int(resets))
        for _ in 0..<Int(resets) { resetValues.append(try Self.readRaw(bytes, at: &offset)) }
        var integerSum: IntegerSum?
        if flags & Flag.integerSum != 0 {
            let sum = ZigZag.decode(try Varint.read(bytes, at: &offset, limit: limit))
            let magnitude = try Varint.read(bytes, at: &offset, limit: limit)
            guard magnitude <= 1 << 53, sum.magnitude <= magnitude else {
                throw ChunkError(.corrupt, "summary integer sum \(sum) exceeds its magnitude \(magnitude)")
            }
            integerSum = IntegerSum(sum: sum, magnitude: magnitude)
        }
        guard offset == limit else { throw ChunkError(.corrupt, "\(limit - offset) bytes after the summary") }
        self.init(
            sampleCount: Int(sampleCount), count: Int(count), first: first, last: last, resetValues: resetValues,
            changes: Int(changes), min: min, max: max, integerSum: integerSum, isConstant: flags & Flag.constant != 0
        )
    }

    private static func appendRaw(_ bits: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    private static func readRaw(_ bytes: [UInt8], at offset: inout Int) throws(ChunkError) -> Double {
        guard bytes.count - offset >= 8 else { throw ChunkError(.truncated, "summary ends inside a double") }
        var bits: UInt64 = 0
        for index in offset..<offset + 8 { bits = bits << 8 | UInt64(bytes[index]) }
        offset += 8
        return Double(bitPattern: bits)
    }
}
