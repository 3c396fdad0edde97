import TestSupport
import RemoteWrite
import Snappy
import Testing

/// The wire decoder on broken protobuf: it throws or returns, never crashes, and agrees with
/// the SwiftProtobuf reference on which (same error code, or the same batch).
@Suite("The wire decoder never crashes on mutated or random protobuf")
struct FastDecoderFuzzTests {
    private static func mutate(_ input: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0 where !bytes.isEmpty: bytes[position] ^= 1 << UInt8.random(in: 0...7, using: &random)
            case 1 where !bytes.isEmpty: bytes[position] = UInt8.random(in: 0...255, using: &random)
            case 2: bytes.removeLast(min(bytes.count, Int.random(in: 1...16, using: &random)))
            case 3: bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
            case 4 where !bytes.isEmpty: bytes.remove(at: position)
            case 5 where !bytes.isEmpty:
                // A length or tag byte turned into a long varint.
                bytes.insert(contentsOf: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F], at: position)
            default:
                // Duplicate a slice: shifts later tags onto data bytes.
                let end = min(bytes.count, position + Int.random(in: 1...32, using: &random))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            }
        }
        return bytes
    }

    private func check(_ body: [UInt8], iteration: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        for version in [RemoteWriteVersion.v1, .v2] {
            let problem = Differential.disagreement(body, version)
            #expect(problem == nil, "\(version) input \(iteration) \(body.prefix(64)): \(problem ?? "")", sourceLocation: sourceLocation)
        }
    }

    @Test(
        "mutations of the real captures",
        .enabled(if: Captures.isAvailable, "../shared/conformance/remote-write is missing")
    )
    func mutatedCaptures() throws {
        let captures = try Captures.names().map { try Snappy.decompress(Captures.body($0)) }
        var random = SplitMix64(seed: 0xF022)
        for iteration in 0..<3000 {
            check(Self.mutate(captures.randomElement(using: &random)!, using: &random), iteration: iteration)
        }
    }

    @Test("mutations of random requests")
    func mutatedRequests() {
        var requests = RandomRequests(seed: 0xF0CC, hostile: false)
        var random = SplitMix64(seed: 0xF0CD)
        for iteration in 0..<1500 {
            let body = iteration.isMultiple(of: 2) ? requests.v1() : requests.v2()
            check(Self.mutate(body, using: &random), iteration: iteration)
        }
    }

    @Test("random bytes, and random bytes behind a plausible series key")
    func randomBytes() {
        var random = SplitMix64(seed: 0xF0DD)
        for iteration in 0..<3000 {
            check(random.bytes(Int.random(in: 0...96, using: &random)), iteration: iteration)
        }
        for iteration in 0..<3000 {
            let inner = random.bytes(Int.random(in: 0...64, using: &random))
            let key: UInt8 = iteration.isMultiple(of: 2) ? 0x0A : 0x2A  // 1.0 timeseries, 2.0 timeseries
            check([key, UInt8(inner.count)] + inner, iteration: iteration)
        }
    }

    @Test("deeply nested groups of unknown fields hit the same depth limit")
    func nestedGroups() {
        for depth in [1, 50, 97, 98, 99, 100, 101, 150] {
            // Field 15, start group (wire type 3) = 0x7B; end group (4) = 0x7C.
            let group = [UInt8](repeating: 0x7B, count: depth) + [UInt8](repeating: 0x7C, count: depth)
            check(group, iteration: depth)
            // The same group inside a series entry (one level deeper).
            check([0x0A, 0x80 | UInt8(group.count & 0x7F), UInt8(group.count >> 7)] + group, iteration: depth)
            check([0x2A, 0x80 | UInt8(group.count & 0x7F), UInt8(group.count >> 7)] + group, iteration: depth)
        }
    }
}
