import Testing
@testable import Storage

@Suite("Chunk round trip")
struct ChunkRoundTripTests {
    private func roundTrip(_ samples: [ChunkSample], sourceLocation: SourceLocation = #_sourceLocation) throws -> EncodedChunk {
        let chunk = try SampleShapes.encode(samples)
        let reparsed = try EncodedChunk(bytes: chunk.bytes)
        #expect(reparsed.header == chunk.header, sourceLocation: sourceLocation)
        #expect(try reparsed.samples() == samples, sourceLocation: sourceLocation)
        var timestamps: [Int64] = [7]
        var values: [Double] = [7]
        try reparsed.decode(into: &timestamps, &values)
        #expect(timestamps.dropFirst().elementsEqual(samples.map(\.t)), sourceLocation: sourceLocation)
        #expect(values.dropFirst().map(\.bitPattern) == samples.map(\.v.bitPattern), sourceLocation: sourceLocation)
        #expect(chunk.header.count == samples.count, sourceLocation: sourceLocation)
        if let first = samples.first, let last = samples.last {
            #expect(chunk.header.minT == first.t && chunk.header.maxT == last.t, sourceLocation: sourceLocation)
        }
        return chunk
    }

    @Test func emptyChunk() throws {
        let chunk = try roundTrip([])
        #expect(chunk.count == 0)
        #expect(chunk.byteCount == 6)
        var iterator = chunk.makeIterator()
        #expect(try iterator.next() == nil)
        #expect(try iterator.next() == nil)
    }

    @Test(arguments: [0.0, -0.0, 1.5, 7, ChunkSample.staleMarker, .infinity, -.infinity, .nan])
    func oneSample(value: Double) throws {
        let chunk = try roundTrip([ChunkSample(t: -42, v: value)])
        #expect(chunk.header.minT == -42 && chunk.header.maxT == -42)
    }

    @Test func twoAndThreeSamples() throws {
        _ = try roundTrip([ChunkSample(t: 1, v: 1), ChunkSample(t: 2, v: 2)])
        _ = try roundTrip([ChunkSample(t: 1, v: 1), ChunkSample(t: 2, v: 2.5), ChunkSample(t: 9, v: -0.0)])
        _ = try roundTrip([ChunkSample(t: .min, v: 1), ChunkSample(t: 0, v: 2), ChunkSample(t: .max, v: 3)])
    }

    @Test func specialValuesKeepTheirBits() throws {
        let samples = SampleShapes.specials.enumerated().map { ChunkSample(t: Int64($0.offset) * 1000, v: $0.element) }
        let chunk = try roundTrip(samples)
        #expect(chunk.header.encoding == .xor)
        let doubled = (samples + samples.map { ChunkSample(t: $0.t + 100_000, v: $0.v) })
        _ = try roundTrip(doubled)
    }

    @Test func integerEncodingIsChosenForCountersAndNotForNegativeZero() throws {
        #expect(try roundTrip(SampleShapes.regularCounter(seed: 1)).header.encoding == .integer)
        #expect(try roundTrip(SampleShapes.constant(value: 0)).header.encoding == .integer)
        #expect(try roundTrip(SampleShapes.constant(value: -0.0)).header.encoding == .xor)
        #expect(try roundTrip(SampleShapes.floatGauge(seed: 1)).header.encoding == .xor)
        let extremes = [-0x1p63, 0x1p63 - 1024, 0, -1, 0x1p62, -0x1p63].enumerated().map {
            ChunkSample(t: Int64($0.offset), v: $0.element)
        }
        _ = try roundTrip(extremes)
        for preferred in ChunkEncoding.allCases {
            var encoder = ChunkEncoder()
            for sample in extremes { try encoder.append(sample) }
            let chunk = encoder.finish(preferring: preferred)
            #expect(chunk.header.encoding == preferred)
            #expect(try EncodedChunk(bytes: chunk.bytes).samples() == extremes)
        }
        var counter = SampleShapes.regularCounter(seed: 2)
        counter[60].v = ChunkSample.staleMarker
        #expect(try roundTrip(counter).header.encoding == .xor)
    }

    @Test func countersWithResetsAndGaps() throws {
        var samples = SampleShapes.regularCounter(seed: 3)
        for i in 40..<samples.count { samples[i].v -= samples[39].v }
        for i in 80..<samples.count { samples[i].t += 3_600_000 }
        let chunk = try roundTrip(samples)
        #expect(chunk.header.encoding == .integer)
    }

    @Test func maximumSizeChunk() throws {
        var rng = SplitMix64(seed: 99)
        let samples = SampleShapes.anything(count: ChunkEncoder.maximumSampleCount, rng: &rng)
        _ = try roundTrip(samples)
        var encoder = ChunkEncoder()
        for sample in samples { try encoder.append(sample) }
        #expect(throws: ChunkError.self) { try encoder.append(t: samples.last!.t + 1, v: 0) }
        let counter = (0..<ChunkEncoder.maximumSampleCount).map { ChunkSample(t: Int64($0) * 15_000, v: Double($0 * 7)) }
        let chunk = try roundTrip(counter)
        #expect(chunk.byteCount < 40)
    }

    @Test func appendsMustIncrease() throws {
        var encoder = ChunkEncoder()
        try encoder.append(t: 100, v: 1)
        do {
            try encoder.append(t: 100, v: 2)
            Issue.record("duplicate accepted")
        } catch {
            #expect(error.code == .duplicateTimestamp)
        }
        do {
            try encoder.append(t: 99, v: 2)
            Issue.record("earlier timestamp accepted")
        } catch {
            #expect(error.code == .outOfOrder)
        }
        #expect(encoder.count == 1)
        try encoder.append(t: 101, v: 2)
        #expect(try encoder.finish().samples() == [ChunkSample(t: 100, v: 1), ChunkSample(t: 101, v: 2)])
        encoder.reset()
        #expect(encoder.isEmpty)
    }

    @Test func randomShapesRoundTrip() throws {
        var rng = SplitMix64(seed: 0xC0FFEE)
        for _ in 0..<400 {
            let count = Int.random(in: 0...300, using: &rng)
            _ = try roundTrip(SampleShapes.anything(count: count, rng: &rng))
        }
    }

    @Test func bothEncodingsRoundTripRandomIntegers() throws {
        var rng = SplitMix64(seed: 21)
        for _ in 0..<300 {
            var t = Int64.random(in: -1_000_000...1_000_000, using: &rng)
            let spread = Int64(1) << Int.random(in: 0...62, using: &rng)
            let samples = (0..<Int.random(in: 1...200, using: &rng)).map { _ in
                t += Int64.random(in: 1...30_000, using: &rng)
                return ChunkSample(t: t, v: Double(Int64.random(in: -spread...spread, using: &rng) / 1024 * 1024))
            }
            for preferred in ChunkEncoding.allCases {
                var encoder = ChunkEncoder()
                for sample in samples { try encoder.append(sample) }
                let chunk = encoder.finish(preferring: preferred)
                #expect(chunk.header.encoding == preferred)
                #expect(try EncodedChunk(bytes: chunk.bytes).samples() == samples)
            }
        }
    }

    @Test func randomBitPatternsAndTimestamps() throws {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<200 {
            var t = Int64.random(in: .min / 2 ... .max / 2, using: &rng)
            let samples = (0..<Int.random(in: 1...64, using: &rng)).map { _ in
                t += Int64.random(in: 1...(1 << Int.random(in: 1...40, using: &rng)), using: &rng)
                return ChunkSample(t: t, v: Double(bitPattern: rng.next()))
            }
            _ = try roundTrip(samples)
        }
    }
}
