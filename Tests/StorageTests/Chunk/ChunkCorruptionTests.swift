import Testing
@testable import Storage

@Suite("Chunk corruption")
struct ChunkCorruptionTests {
    private static func decodeAll(_ bytes: [UInt8]) throws -> [ChunkSample] {
        try EncodedChunk(bytes: bytes).samples()
    }

    private static let chunks: [EncodedChunk] = {
        var rng = SplitMix64(seed: 5)
        var chunks = [
            try! SampleShapes.encode(SampleShapes.regularCounter(seed: 1)),
            try! SampleShapes.encode(SampleShapes.floatGauge(count: 40, seed: 1)),
            try! SampleShapes.encode([]),
            try! SampleShapes.encode([ChunkSample(t: 5, v: 1)]),
        ]
        for _ in 0..<4 { chunks.append(try! SampleShapes.encode(SampleShapes.anything(count: 50, rng: &rng))) }
        return chunks
    }()

    @Test func everyTruncationThrows() {
        for chunk in Self.chunks {
            for length in 0..<chunk.bytes.count {
                #expect(throws: ChunkError.self) { try Self.decodeAll(Array(chunk.bytes[..<length])) }
            }
        }
    }

    @Test func everySingleBitFlipThrows() {
        for chunk in Self.chunks {
            for index in chunk.bytes.indices {
                for bit in 0..<8 {
                    var bytes = chunk.bytes
                    bytes[index] ^= 1 << bit
                    #expect(throws: ChunkError.self) { try Self.decodeAll(bytes) }
                }
            }
        }
    }

    @Test func extraBytesThrow() {
        for chunk in Self.chunks {
            #expect(throws: ChunkError.self) { try Self.decodeAll(chunk.bytes + [0]) }
        }
    }

    /// Bytes with a valid checksum but random content exercise the structural checks: any
    /// outcome but a crash is acceptable.
    @Test func randomBytesWithValidChecksumNeverCrash() {
        var rng = SplitMix64(seed: 11)
        var decoded = 0
        for round in 0..<20_000 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = (0..<Int.random(in: 1...64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
                bytes[0] = 0x10 | UInt8.random(in: 1...2, using: &rng)
            } else {
                let source = Self.chunks.randomElement(using: &rng)!.bytes.dropLast(4)
                bytes = Array(source)
                for _ in 0..<Int.random(in: 1...4, using: &rng) where !bytes.isEmpty {
                    bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
            }
            let crc = CRC32C.checksum(bytes, 0..<bytes.count)
            for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: crc >> UInt32(shift))) }
            if let samples = try? Self.decodeAll(bytes) {
                decoded += 1
                #expect(zip(samples, samples.dropFirst()).allSatisfy { $0.t < $1.t })
            }
        }
        #expect(decoded < 20_000)
    }

    @Test func unknownVersionIsReported() throws {
        var bytes = Array(try SampleShapes.encode([]).bytes.dropLast(4))
        bytes[0] = 0x21
        let crc = CRC32C.checksum(bytes, 0..<bytes.count)
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: crc >> UInt32(shift))) }
        do {
            _ = try EncodedChunk(bytes: bytes)
            Issue.record("unknown version accepted")
        } catch {
            #expect(error.code == .unsupportedFormat)
        }
    }

    @Test func corruptSummariesThrow() throws {
        var samples = SampleShapes.regularCounter(seed: 4)
        samples[50].v = 3
        let bytes = ChunkSummary(samples: samples).serialized()
        #expect(try ChunkSummary(serialized: bytes) == ChunkSummary(samples: samples))
        for length in 0..<bytes.count {
            #expect(throws: ChunkError.self) { try ChunkSummary(serialized: Array(bytes[..<length])) }
        }
        #expect(throws: ChunkError.self) { try ChunkSummary(serialized: bytes + [0]) }
    }
}
