import Testing
import Storage

/// Size bounds on deterministic data; sizes are deterministic, so these are exact guards.
@Suite("Chunk size")
struct ChunkSizeTests {
    private func bytesPerSample(_ make: (UInt64) -> [ChunkSample]) throws -> Double {
        var bytes = 0
        var samples = 0
        for seed in 1...50 as ClosedRange<UInt64> {
            let data = make(seed)
            bytes += try SampleShapes.encode(data).byteCount
            samples += data.count
        }
        return Double(bytes) / Double(samples)
    }

    @Test func regularCountersTakeAtMostOnePointFiveBytesASample() throws {
        let size = try bytesPerSample { SampleShapes.regularCounter(seed: $0) }
        #expect(size <= 1.5)
    }

    @Test func countersWithOccasionalJitterTakeAtMostOnePointFiveBytesASample() throws {
        let size = try bytesPerSample { SampleShapes.jitteredCounter(jitterShare: 0.1, seed: $0) }
        #expect(size <= 1.5)
    }

    @Test func countersJitteredEverywhereStayBelowTwoBytesASample() throws {
        let size = try bytesPerSample { SampleShapes.jitteredCounter(jitterShare: 1, seed: $0) }
        #expect(size <= 2)
    }

    @Test func constantSeriesCostAlmostNothing() throws {
        #expect(try SampleShapes.encode(SampleShapes.constant()).byteCount <= 24)
        #expect(try SampleShapes.encode(SampleShapes.constant(value: 0.25)).byteCount <= 48)
    }

    @Test func floatGaugesStayBelowGorillaWorstCase() throws {
        let size = try bytesPerSample { SampleShapes.floatGauge(seed: $0) }
        #expect(size <= 8.5)
    }
}
