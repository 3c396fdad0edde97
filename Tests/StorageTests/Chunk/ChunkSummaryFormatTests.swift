import Testing
import Storage

/// Summary formats: the current one is compact and self-contained through the public API, and
/// format 1 (written before it) still reads.
@Suite("Chunk summary format")
struct ChunkSummaryFormatTests {
    /// Format 1, as its writer laid it out: version, flags, varint counts, zig-zag times and
    /// raw big-endian doubles, then the integer sum.
    private static func formatOne(_ summary: ChunkSummary) -> [UInt8] {
        var bytes: [UInt8] = [1]
        var flags: UInt8 = 0
        if summary.first != nil { flags |= 1 }
        if summary.integerSum != nil { flags |= 2 }
        if summary.isConstant { flags |= 4 }
        bytes.append(flags)
        func varint(_ x: UInt64) {
            var x = x
            while x >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: x) | 0x80)
                x >>= 7
            }
            bytes.append(UInt8(x))
        }
        func zigzag(_ x: Int64) -> UInt64 { UInt64(bitPattern: (x << 1) ^ (x >> 63)) }
        func raw(_ value: Double) {
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value.bitPattern >> UInt64(shift))) }
        }
        for count in [summary.sampleCount, summary.count, summary.changes, summary.resets] { varint(UInt64(count)) }
        if let first = summary.first, let last = summary.last, let min = summary.min, let max = summary.max {
            varint(zigzag(first.t))
            varint(zigzag(last.t))
            for value in [first.v, last.v, min, max] { raw(value) }
        }
        for value in summary.resetValues { raw(value) }
        if let integerSum = summary.integerSum {
            varint(zigzag(integerSum.sum))
            varint(integerSum.magnitude)
        }
        return bytes
    }

    @Test func formatOneStillReads() throws {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<300 {
            let samples = SampleShapes.anything(count: Int.random(in: 1...200, using: &rng), rng: &rng)
            let summary = ChunkSummary(samples: samples)
            #expect(try ChunkSummary(serialized: Self.formatOne(summary)) == summary)
        }
    }

    @Test func everyShapeRoundTrips() throws {
        var rng = SplitMix64(seed: 12)
        for _ in 0..<1_000 {
            let samples = SampleShapes.anything(count: Int.random(in: 0...300, using: &rng), rng: &rng)
            let summary = ChunkSummary(samples: samples)
            let bytes = summary.serialized()
            #expect(try ChunkSummary(serialized: bytes) == summary)
            for length in [0, 1, bytes.count / 2, bytes.count - 1] where length < bytes.count {
                #expect(throws: ChunkError.self) { try ChunkSummary(serialized: Array(bytes[..<length])) }
            }
        }
    }

    @Test func counterSummariesAreSmall() {
        // A 240-sample counter: flags, times, counts and the integer values as small varints
        // (beside a chunk, the sample count and time range, 11 of these bytes, are left out).
        let summary = ChunkSummary(samples: SampleShapes.regularCounter(count: 240, seed: 3))
        #expect(summary.serialized().count <= 28)
        #expect(Self.formatOne(summary).count >= 50)
    }
}
