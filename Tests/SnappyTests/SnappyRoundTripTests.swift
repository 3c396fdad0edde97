import TestSupport
import Snappy
import Testing

@Suite("Snappy compress then decompress gives the input back")
struct SnappyRoundTripTests {
    private func roundTrip(_ input: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let compressed = Snappy.compress(input)
        #expect(compressed.count <= Snappy.maxCompressedLength(input.count), sourceLocation: sourceLocation)
        #expect(try Snappy.uncompressedLength(of: compressed) == input.count, sourceLocation: sourceLocation)
        let output = try Snappy.decompress(compressed, maxDecompressedSize: input.count)
        #expect(output == input, "length \(input.count)", sourceLocation: sourceLocation)
    }

    @Test func empty() throws {
        #expect(Snappy.compress([UInt8]()) == [0x00])
        #expect(try Snappy.decompress([0x00] as [UInt8]) == [])
        try roundTrip([])
    }

    @Test func oneByte() throws {
        #expect(Snappy.compress([0x61] as [UInt8]) == [0x01, 0x00, 0x61])
        try roundTrip([0x00])
        try roundTrip([0xFF])
    }

    @Test("random bytes of sizes around the format's boundaries", arguments: [
        2, 3, 4, 5, 14, 15, 16, 17, 59, 60, 61, 255, 256, 257, 1000, 4096,
        65535, 65536, 65537, 131_071, 131_072, 131_073, 300_000,
    ])
    func randomBytes(count: Int) throws {
        var random = SplitMix64(seed: UInt64(count))
        try roundTrip(random.bytes(count))
    }

    @Test("highly repetitive data compresses to a small fraction", arguments: [100, 65536, 65537, 1_000_000])
    func repetitive(count: Int) throws {
        let zeros = [UInt8](repeating: 0, count: count)
        try roundTrip(zeros)
        #expect(Snappy.compress(zeros).count < count / 15 + 16)
        let pattern = Array("abcabcabd".utf8)
        let repeated = (0..<count).map { pattern[$0 % pattern.count] }
        try roundTrip(repeated)
        #expect(Snappy.compress(repeated).count < count / 10 + 32)
    }

    @Test("text-like data from a small vocabulary (many short and long matches)")
    func textLike() throws {
        var random = SplitMix64(seed: 42)
        let words = ["__name__", "job", "instance", "http_requests_total", "le", "0.5", "code", "200",
                     "127.0.0.1:9090", "prometheus", "node_exporter", "quantile", "\u{00e9}t\u{00e9}"]
        for size in [10, 1000, 70_000, 250_000] {
            var text: [UInt8] = []
            while text.count < size {
                text += Array(words.randomElement(using: &random)!.utf8)
                text.append(UInt8.random(in: 0...3, using: &random) == 0 ? 0x0A : 0x20)
            }
            try roundTrip(text)
            if size >= 1000 { #expect(Snappy.compress(text).count < text.count / 2) }
        }
    }

    @Test("long matches and overlapping copies (runs and short periods)")
    func longMatchesAndOverlaps() throws {
        var random = SplitMix64(seed: 7)
        for period in [1, 2, 3, 4, 7, 8, 63, 64, 65, 200, 2047, 2048, 2049, 40_000] {
            let unit = random.bytes(period)
            let data = (0..<(period * 3 + 70_000)).map { unit[$0 % period] }
            try roundTrip(data)
        }
        // Random data with long copied stretches at offsets that need 2-byte offsets.
        var data = random.bytes(5000)
        for _ in 0..<50 {
            let start = Int.random(in: 0..<(data.count - 300), using: &random)
            let length = Int.random(in: 4...300, using: &random)
            data += data[start..<(start + length)]
            data += random.bytes(Int.random(in: 0...20, using: &random))
        }
        try roundTrip(data)
    }

    @Test("many random mixtures of literal runs and repeats")
    func mixtures() throws {
        var random = SplitMix64(seed: 2024)
        for _ in 0..<200 {
            var data: [UInt8] = []
            let target = Int.random(in: 0...3000, using: &random)
            while data.count < target {
                if data.count > 4, Bool.random(using: &random) {
                    let offset = Int.random(in: 1...min(data.count, 2100), using: &random)
                    let length = Int.random(in: 1...100, using: &random)
                    for _ in 0..<length { data.append(data[data.count - offset]) }
                } else {
                    data += random.bytes(Int.random(in: 1...30, using: &random))
                }
            }
            try roundTrip(data)
        }
    }

    @Test("a non-contiguous collection is accepted too")
    func nonContiguous() throws {
        let input = Array(repeating: Array("hello, snappy ".utf8), count: 100).joined()
        let compressed = Snappy.compress(input)
        #expect(try Snappy.decompress(compressed.lazy.map { $0 }) == Array(input))
    }
}
