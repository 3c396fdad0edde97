extension ChunkSummary {
    /// The format `serialized()` writes (2); format 1 (fixed 64-bit doubles, absolute times) is
    /// still read.
    private static let formatVersion: UInt8 = 2

    /// Format 2's flags, a varint after the version byte; a counter chunk sets only the low six.
    private enum Flag {
        /// `count > 0`: first, last, min and max follow.
        static let hasSamples: UInt64 = 1 << 0
        /// The integer sum follows.
        static let integerSum: UInt64 = 1 << 1
        /// First, last, min, max and the reset values are integers (`Int64`, not `-0.0`),
        /// stored as zig-zag varints relative to the first value; otherwise as raw doubles.
        static let integral: UInt64 = 1 << 2
        /// `min` is the first value and `max` the last (bit for bit), so neither is stored.
        static let minMaxAtEnds: UInt64 = 1 << 3
        /// The integer sum's magnitude is `|sum|` (no negative values), so it is not stored.
        static let magnitudeIsAbsoluteSum: UInt64 = 1 << 4
        /// `isConstant`, and last, min and max are the first value, so none of them is stored.
        static let constant: UInt64 = 1 << 5
        /// The reset count and values follow.
        static let hasResets: UInt64 = 1 << 6
        /// The number of stale markers and the first and last times relative to the chunk's
        /// follow; otherwise there are none, and first and last are the chunk's ends.
        static let timesStored: UInt64 = 1 << 7
        /// The sample count and time range are stored, not taken from the chunk's row.
        static let standalone: UInt64 = 1 << 8
        /// `isConstant` with last, min or max stored anyway (a summary built by hand).
        static let constantStoredValues: UInt64 = 1 << 9
        static let all: UInt64 = (1 << 10) - 1
    }

    /// The summary as self-contained bytes (format 2 with its sample count and time range).
    public func serialized() -> [UInt8] {
        serialized(chunk: nil)
    }

    /// The summary as bytes stored beside a chunk of `sampleCount` samples from `minT` to
    /// `maxT`: what the chunk's row holds is left out. Read back with the same values.
    func serialized(sampleCount: Int, minT: Int64, maxT: Int64) -> [UInt8] {
        precondition(sampleCount == self.sampleCount, "summary of \(self.sampleCount) samples stored for \(sampleCount)")
        return serialized(chunk: (minT, maxT))
    }

    /// Parses bytes written by `serialized()`, throwing `ChunkError` when they are inconsistent.
    public init(serialized bytes: [UInt8]) throws(ChunkError) {
        try self.init(serialized: bytes, chunk: nil)
    }

    /// Parses bytes written by `serialized(sampleCount:minT:maxT:)` (or `serialized()`, or
    /// format 1) for a chunk of `sampleCount` samples from `minT` to `maxT`.
    init(serialized bytes: [UInt8], sampleCount: Int, minT: Int64, maxT: Int64) throws(ChunkError) {
        try self.init(serialized: bytes, chunk: (sampleCount, minT, maxT))
    }

    private func serialized(chunk: (minT: Int64, maxT: Int64)?) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24 + resetValues.count * 3)
        bytes.append(Self.formatVersion)
        var flags: UInt64 = 0
        let hasSamples = first != nil && last != nil && min != nil && max != nil
        if hasSamples { flags |= Flag.hasSamples }
        if integerSum != nil { flags |= Flag.integerSum }
        if chunk == nil { flags |= Flag.standalone }
        var timesStored = count != sampleCount
        if let chunk, let first, let last, first.t != chunk.minT || last.t != chunk.maxT { timesStored = true }
        if timesStored { flags |= Flag.timesStored }
        if !resetValues.isEmpty { flags |= Flag.hasResets }
        var integral = false
        if let first, let last, let min, let max, hasSamples {
            integral = [first.v, last.v, min, max].allSatisfy(ChunkEncoder.isPackableInteger)
                && resetValues.allSatisfy(ChunkEncoder.isPackableInteger)
            if integral { flags |= Flag.integral }
            let sameAsFirst = [last.v, min, max].allSatisfy { $0.bitPattern == first.v.bitPattern }
            if isConstant { flags |= sameAsFirst ? Flag.constant : Flag.constantStoredValues }
            if !(isConstant && sameAsFirst) && min.bitPattern == first.v.bitPattern && max.bitPattern == last.v.bitPattern {
                flags |= Flag.minMaxAtEnds
            }
        } else if isConstant {
            flags |= Flag.constantStoredValues
        }
        if let integerSum, integerSum.magnitude == integerSum.sum.magnitude { flags |= Flag.magnitudeIsAbsoluteSum }
        Varint.append(flags, to: &bytes)

        // Times and counts.
        let minT: Int64
        let maxT: Int64
        if let chunk {
            (minT, maxT) = chunk
        } else {
            Varint.append(UInt64(sampleCount), to: &bytes)
            minT = first?.t ?? 0
            maxT = last?.t ?? 0
            if hasSamples {
                Varint.append(ZigZag.encode(minT), to: &bytes)
                Varint.append(UInt64(bitPattern: maxT &- minT), to: &bytes)
            }
        }
        if flags & Flag.timesStored != 0 { Varint.append(UInt64(bitPattern: Int64(sampleCount - count)), to: &bytes) }
        if let first, let last, hasSamples {
            if flags & Flag.timesStored != 0 {
                Varint.append(UInt64(bitPattern: first.t &- minT), to: &bytes)
                Varint.append(UInt64(bitPattern: maxT &- last.t), to: &bytes)
            }
            Varint.append(ZigZag.encode(Int64(count - 1 - changes)), to: &bytes)
        }
        if !resetValues.isEmpty { Varint.append(UInt64(resetValues.count), to: &bytes) }

        // Values: relative to the first one when integral.
        let reference = first.map { integral ? Int64($0.v) : 0 } ?? 0
        func append(_ value: Double) {
            if integral {
                Varint.append(ZigZag.encode(Int64(value) &- reference), to: &bytes)
            } else {
                Self.appendRaw(value.bitPattern, to: &bytes)
            }
        }
        if let first, let last, let min, let max, hasSamples {
            if integral {
                Varint.append(ZigZag.encode(reference), to: &bytes)
            } else {
                Self.appendRaw(first.v.bitPattern, to: &bytes)
            }
            if flags & Flag.constant == 0 {
                append(last.v)
                if flags & Flag.minMaxAtEnds == 0 {
                    append(min)
                    append(max)
                }
            }
        }
        for value in resetValues { append(value) }
        if let integerSum {
            // Relative to count * first when integral: a counter's sum is near it.
            let offset = integral ? Int64(count) &* reference : 0
            Varint.append(ZigZag.encode(integerSum.sum &- offset), to: &bytes)
            if flags & Flag.magnitudeIsAbsoluteSum == 0 { Varint.append(integerSum.magnitude, to: &bytes) }
        }
        return bytes
    }

    private init(serialized bytes: [UInt8], chunk: (sampleCount: Int, minT: Int64, maxT: Int64)?) throws(ChunkError) {
        guard bytes.count >= 2 else { throw ChunkError(.truncated, "summary of \(bytes.count) bytes") }
        if bytes[0] == 1 {
            try self.init(formatOne: bytes)
            return
        }
        guard bytes[0] == Self.formatVersion else { throw ChunkError(.unsupportedFormat, "summary version \(bytes[0])") }
        var offset = 1
        let limit = bytes.count
        func varint() throws(ChunkError) -> UInt64 { try Varint.read(bytes, at: &offset, limit: limit) }
        let flags = try varint()
        guard flags & ~Flag.all == 0 else { throw ChunkError(.corrupt, "unknown summary flags 0x\(String(flags, radix: 16))") }
        let hasSamples = flags & Flag.hasSamples != 0
        let integral = flags & Flag.integral != 0
        guard hasSamples || flags & (Flag.integral | Flag.minMaxAtEnds | Flag.constant) == 0,
              flags & Flag.constant == 0 || flags & (Flag.minMaxAtEnds | Flag.constantStoredValues) == 0,
              flags & Flag.integerSum != 0 || flags & Flag.magnitudeIsAbsoluteSum == 0
        else { throw ChunkError(.corrupt, "summary flags 0x\(String(flags, radix: 16)) do not fit together") }

        // Times and counts.
        let maxCount = UInt64(ChunkEncoder.maximumSampleCount)
        let sampleCount: UInt64
        var minT: Int64 = 0
        var maxT: Int64 = 0
        if flags & Flag.standalone != 0 {
            sampleCount = try varint()
            if hasSamples {
                minT = ZigZag.decode(try varint())
                let span = try varint()
                guard span <= UInt64(bitPattern: Int64.max &- minT) else { throw ChunkError(.corrupt, "summary time span \(span)") }
                maxT = minT &+ Int64(bitPattern: span)
            }
        } else if let chunk {
            guard chunk.sampleCount >= 0, chunk.minT <= chunk.maxT else {
                throw ChunkError(.corrupt, "chunk of \(chunk.sampleCount) samples from \(chunk.minT) to \(chunk.maxT)")
            }
            sampleCount = UInt64(chunk.sampleCount)
            (minT, maxT) = (chunk.minT, chunk.maxT)
        } else {
            throw ChunkError(.corrupt, "summary needs its chunk's sample count and time range")
        }
        let stale = flags & Flag.timesStored != 0 ? try varint() : 0
        guard sampleCount <= maxCount, stale <= sampleCount else {
            throw ChunkError(.corrupt, "summary counts do not fit together")
        }
        let count = sampleCount - stale
        guard hasSamples == (count > 0) else { throw ChunkError(.corrupt, "summary counts do not fit together") }
        var firstT = minT
        var lastT = maxT
        var changes: UInt64 = 0
        if hasSamples {
            if flags & Flag.timesStored != 0 {
                let fromStart = try varint()
                let fromEnd = try varint()
                let span = UInt64(bitPattern: maxT &- minT)
                guard fromStart <= span, fromEnd <= span - fromStart else {
                    throw ChunkError(.corrupt, "summary first and last times outside the chunk")
                }
                firstT = minT &+ Int64(bitPattern: fromStart)
                lastT = maxT &- Int64(bitPattern: fromEnd)
            }
            let unchanged = ZigZag.decode(try varint())
            guard unchanged >= 0, UInt64(unchanged) < count else { throw ChunkError(.corrupt, "summary changes do not fit the count") }
            changes = count - 1 - UInt64(unchanged)
        }
        let resets = flags & Flag.hasResets != 0 ? try varint() : 0
        guard resets < Swift.max(count, 1), (resets > 0) == (flags & Flag.hasResets != 0) else {
            throw ChunkError(.corrupt, "summary reset count \(resets) does not fit")
        }

        // Values.
        var reference: Int64 = 0
        func value() throws(ChunkError) -> Double {
            if integral { return Double(ZigZag.decode(try varint()) &+ reference) }
            return try Self.readRaw(bytes, at: &offset)
        }
        var first: ChunkSample?
        var last: ChunkSample?
        var min: Double?
        var max: Double?
        if hasSamples {
            let firstV: Double
            if integral {
                reference = ZigZag.decode(try varint())
                firstV = Double(reference)
            } else {
                firstV = try Self.readRaw(bytes, at: &offset)
            }
            var lastV = firstV
            min = firstV
            max = firstV
            if flags & Flag.constant == 0 {
                lastV = try value()
                max = lastV
                if flags & Flag.minMaxAtEnds == 0 {
                    min = try value()
                    max = try value()
                }
            }
            first = ChunkSample(t: firstT, v: firstV)
            last = ChunkSample(t: lastT, v: lastV)
        }
        var resetValues: [Double] = []
        resetValues.reserveCapacity(Int(resets))
        for _ in 0..<Int(resets) { resetValues.append(try value()) }
        var integerSum: IntegerSum?
        if flags & Flag.integerSum != 0 {
            let offsetSum = ZigZag.decode(try varint())
            let sum = offsetSum &+ (integral ? Int64(count) &* reference : 0)
            let magnitude = flags & Flag.magnitudeIsAbsoluteSum != 0 ? sum.magnitude : try varint()
            guard magnitude <= 1 << 53, sum.magnitude <= magnitude else {
                throw ChunkError(.corrupt, "summary integer sum \(sum) exceeds its magnitude \(magnitude)")
            }
            integerSum = IntegerSum(sum: sum, magnitude: magnitude)
        }
        guard offset == limit else { throw ChunkError(.corrupt, "\(limit - offset) bytes after the summary") }
        self.init(
            sampleCount: Int(sampleCount), count: Int(count), first: first, last: last, resetValues: resetValues,
            changes: Int(changes), min: min, max: max, integerSum: integerSum,
            isConstant: flags & (Flag.constant | Flag.constantStoredValues) != 0
        )
    }

    static func appendRaw(_ bits: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    static func readRaw(_ bytes: [UInt8], at offset: inout Int) throws(ChunkError) -> Double {
        guard bytes.count - offset >= 8 else { throw ChunkError(.truncated, "summary ends inside a double") }
        var bits: UInt64 = 0
        for index in offset..<offset + 8 { bits = bits << 8 | UInt64(bytes[index]) }
        offset += 8
        return Double(bitPattern: bits)
    }
}
