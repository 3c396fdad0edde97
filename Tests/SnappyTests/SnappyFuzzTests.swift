import TestSupport
import Foundation
import Snappy
import Testing

@Suite("Snappy never crashes on mutated or random input")
struct SnappyFuzzTests {
    /// Decoding either throws a SnappyError or returns exactly the declared length.
    private func check(_ input: [UInt8]) {
        do {
            let output = try Snappy.decompress(input, maxDecompressedSize: 1 << 20)
            #expect(output.count == (try? Snappy.uncompressedLength(of: input)))
        } catch {
            // Typed throws: `error` is a SnappyError by construction; every case is acceptable here.
            #expect(!error.description.isEmpty)
        }
    }

    private static func mutate(_ input: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where !bytes.isEmpty: bytes[position] ^= 1 << UInt8.random(in: 0...7, using: &random)
            case 1 where !bytes.isEmpty: bytes[position] = UInt8.random(in: 0...255, using: &random)
            case 2: bytes.removeLast(min(bytes.count, Int.random(in: 1...16, using: &random)))
            case 3: bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
            case 4 where !bytes.isEmpty: bytes.remove(at: position)
            default:
                // Duplicate a slice: shifts later tags onto data bytes.
                let end = min(bytes.count, position + Int.random(in: 1...32, using: &random))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            }
        }
        return bytes
    }

    @Test(
        "mutations of the real captures",
        .enabled(if: Captures.isAvailable, "../shared/conformance/remote-write is missing")
    )
    func mutatedCaptures() throws {
        let captures = try Captures.names().map(Captures.body)
        var random = SplitMix64(seed: 0x5EED)
        for _ in 0..<4000 {
            check(Self.mutate(captures.randomElement(using: &random)!, using: &random))
        }
    }

    @Test("mutations of our own compressor's output")
    func mutatedCompressed() {
        var random = SplitMix64(seed: 99)
        let text = Array(String(repeating: "up{job=\"node\",instance=\"a:9100\"} 1 ", count: 200).utf8)
        let seeds = [Snappy.compress(text), Snappy.compress(random.bytes(3000)), Snappy.compress([UInt8](repeating: 7, count: 5000))]
        for _ in 0..<3000 {
            check(Self.mutate(seeds.randomElement(using: &random)!, using: &random))
        }
    }

    @Test("random bytes")
    func randomBytes() {
        var random = SplitMix64(seed: 1)
        for _ in 0..<5000 {
            check(random.bytes(Int.random(in: 0...256, using: &random)))
        }
        // Random elements behind a small, plausible length preamble reach the element decoder.
        for _ in 0..<5000 {
            check([UInt8.random(in: 0...0x7F, using: &random)] + random.bytes(Int.random(in: 0...64, using: &random)))
        }
    }
}
