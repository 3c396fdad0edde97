import Storage
import Testing

/// `DecodedChunkCache` gives a chunk's samples as decoding it would, decodes a chunk once while
/// it is held, never answers with another chunk's samples, and stays within its budget.
@Suite struct DecodedChunkCacheTests {
    /// `count` samples 15 s apart from `start`, valued `value(i)`.
    static func chunk(start: Int64 = 0, count: Int = 120, value: (Int) -> Double = { Double($0) }) throws -> (EncodedChunk, [ChunkSample]) {
        let samples = (0..<count).map { ChunkSample(t: start + Int64($0) * 15_000, v: value($0)) }
        return (try SampleShapes.encode(samples), samples)
    }

    @Test func givesTheSamplesDecodingGivesAndTheSameArrayWhileHeld() throws {
        let cache = DecodedChunkCache(budget: 1 << 20)
        let (chunk, samples) = try Self.chunk { $0 % 7 == 3 ? ChunkSample.staleMarker : Double($0 * $0) }
        let first = try cache.samples(of: chunk, series: 1, minT: 0)
        #expect(first == samples)
        #expect(cache.statistics.chunks == 1)
        let second = try cache.samples(of: chunk, series: 1, minT: 0)
        #expect(second == samples)
        // Held: the same buffer comes back, not a new decode.
        #expect(first.withUnsafeBufferPointer { $0.baseAddress } == second.withUnsafeBufferPointer { $0.baseAddress })
    }

    @Test func aDifferentChunkUnderTheSameKeyIsDecodedAfresh() throws {
        let cache = DecodedChunkCache(budget: 1 << 20)
        let (old, _) = try Self.chunk { Double($0) }
        let (new, newSamples) = try Self.chunk { Double($0) * 2 }
        _ = try cache.samples(of: old, series: 5, minT: 0)
        #expect(try cache.samples(of: new, series: 5, minT: 0) == newSamples)
        // And the new one replaced the old: one entry.
        #expect(cache.statistics.chunks == 1)
        // Another series' chunk with the same first timestamp is its own entry.
        #expect(try cache.samples(of: old, series: 6, minT: 0).map(\.v) == (0..<120).map(Double.init))
        #expect(cache.statistics.chunks == 2)
    }

    @Test func staysWithinItsBudgetDroppingTheLeastRecentlyUsed() throws {
        // About 2 KB a chunk of 120 samples: a 64 KiB budget holds some 30.
        let budget = 64 << 10
        let cache = DecodedChunkCache(budget: budget)
        let (kept, _) = try Self.chunk(start: 0)
        for index in 1...200 {
            let (chunk, samples) = try Self.chunk(start: Int64(index) * 1_800_000)
            #expect(try cache.samples(of: chunk, series: 1, minT: Int64(index) * 1_800_000) == samples)
            _ = try cache.samples(of: kept, series: 1, minT: 0)
            #expect(cache.statistics.bytes <= budget)
        }
        let (chunks, bytes) = cache.statistics
        #expect(chunks > 10 && chunks < 40, "\(chunks) chunks, \(bytes) bytes")
        // The chunk used at every step is still held: asking for it adds nothing.
        _ = try cache.samples(of: kept, series: 1, minT: 0)
        #expect(cache.statistics.chunks == chunks)
    }

    @Test func aZeroBudgetKeepsNothing() throws {
        let cache = DecodedChunkCache(budget: 0)
        let (chunk, samples) = try Self.chunk()
        #expect(try cache.samples(of: chunk, series: 1, minT: 0) == samples)
        #expect(cache.statistics.chunks == 0)
    }

    @Test func theBuilderTakesTheSamplesInsideAWindow() throws {
        let (_, samples) = try Self.chunk()
        for (from, through) in [(Int64(-1), Int64(10_000_000)), (15_000, 30_000), (14_999, 15_001), (16_000, 29_000), (1_785_000, 1_785_000)] {
            var builder = SeriesPieceBuilder()
            builder.add(samples, from: from, through: through)
            let expected = samples.filter { $0.t >= from && $0.t <= through }
            #expect(builder.finish() == (expected.isEmpty ? [] : [.samples(expected)]), "[\(from), \(through)]")
        }
    }
}
