extension ChunkSummary {
    /// Format 1's flags byte.
    private enum FormatOneFlag {
        static let hasSamples: UInt8 = 1
        static let integerSum: UInt8 = 2
        static let constant: UInt8 = 4
    }

    /// Parses format 1, written before format 2 replaced it: a version byte (1), a flags byte,
    /// varint counts, zig-zag varint absolute first and last times and raw 64-bit doubles.
    init(formatOne bytes: [UInt8]) throws(ChunkError) {
        var offset = 0
        let limit = bytes.count
        guard limit >= 2 else { throw ChunkError(.truncated, "summary of \(limit) bytes") }
        guard bytes[0] == 1 else { throw ChunkError(.unsupportedFormat, "summary version \(bytes[0])") }
        let flags = bytes[1]
        guard flags & ~(FormatOneFlag.hasSamples | FormatOneFlag.integerSum | FormatOneFlag.constant) == 0 else {
            throw ChunkError(.corrupt, "unknown summary flags 0x\(String(flags, radix: 16))")
        }
        offset = 2
        let maxCount = UInt64(ChunkEncoder.maximumSampleCount)
        let sampleCount = try Varint.read(bytes, at: &offset, limit: limit)
        let count = try Varint.read(bytes, at: &offset, limit: limit)
        let changes = try Varint.read(bytes, at: &offset, limit: limit)
        let resets = try Varint.read(bytes, at: &offset, limit: limit)
        let hasSamples = flags & FormatOneFlag.hasSamples != 0
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
        if flags & FormatOneFlag.integerSum != 0 {
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
            changes: Int(changes), min: min, max: max, integerSum: integerSum,
            isConstant: flags & FormatOneFlag.constant != 0
        )
    }
}
