import Snappy
import TestSupport
import Testing

/// Blocks built element by element, with every kind of element at every place the decoder
/// treats apart (short literals moved 16 bytes at a time, copies from 8 or more bytes back moved
/// 8 at a time, both only with room after them; overlapping copies; the last bytes of the
/// output and of the input), decode to what the format defines: a byte-by-byte reading of the
/// same elements.
@Suite struct SnappyElementTests {
    enum Element {
        case literal([UInt8])
        case copy(offset: Int, length: Int)
    }

    /// The block: the declared length, then each element in the tag form given by `wide`
    /// (literal lengths over 60 take extra bytes; copies take the 1-, 2- or 4-byte offset form).
    static func block(_ elements: [Element], wide: (Int) -> Int) -> [UInt8] {
        var body: [UInt8] = []
        var length = 0
        for (position, element) in elements.enumerated() {
            switch element {
            case .literal(let bytes):
                let n = bytes.count - 1
                if n < 60 {
                    body.append(UInt8(n << 2))
                } else if n < 256 {
                    body += [60 << 2, UInt8(n)]
                } else {
                    body += [61 << 2, UInt8(n & 0xFF), UInt8(n >> 8)]
                }
                body += bytes
                length += bytes.count
            case .copy(let offset, let count):
                switch wide(position) {
                case 1 where count >= 4 && count <= 11 && offset < 2_048:
                    body += [UInt8(offset >> 8) << 5 | UInt8(count - 4) << 2 | 0x01, UInt8(offset & 0xFF)]
                case 1, 2:
                    body += [UInt8(count - 1) << 2 | 0x02, UInt8(offset & 0xFF), UInt8(offset >> 8)]
                default:
                    body += [UInt8(count - 1) << 2 | 0x03, UInt8(offset & 0xFF), UInt8(offset >> 8 & 0xFF), UInt8(offset >> 16 & 0xFF), UInt8(offset >> 24)]
                }
                length += count
            }
        }
        var preamble: [UInt8] = []
        var value = length
        while value >= 0x80 {
            preamble.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        preamble.append(UInt8(value))
        return preamble + body
    }

    /// What the elements mean, one byte at a time.
    static func reference(_ elements: [Element]) -> [UInt8] {
        var output: [UInt8] = []
        for element in elements {
            switch element {
            case .literal(let bytes):
                output += bytes
            case .copy(let offset, let length):
                for _ in 0..<length { output.append(output[output.count - offset]) }
            }
        }
        return output
    }

    /// Random elements: literals of 1 to 70 bytes (mostly short), copies of 1 to 64 bytes from 1
    /// to 80 bytes back (often overlapping), about `count` of them.
    static func elements(count: Int, using random: inout SplitMix64) -> [Element] {
        var elements: [Element] = [.literal((0..<Int.random(in: 1...20, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })]
        var produced = Self.reference(elements).count
        for _ in 0..<count {
            if Int.random(in: 0..<3, using: &random) == 0 {
                let length = Int.random(in: 0..<4, using: &random) == 0 ? Int.random(in: 17...70, using: &random) : Int.random(in: 1...16, using: &random)
                elements.append(.literal((0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }))
                produced += length
            } else {
                let offset = Int.random(in: 1...min(produced, 80), using: &random)
                let length = Int.random(in: 1...64, using: &random)
                elements.append(.copy(offset: offset, length: length))
                produced += length
            }
        }
        return elements
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func elementsDecodeAsTheFormatDefinesThem(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for round in 0..<400 {
            // Short blocks too: there every element is near the end of the input or the output.
            let elements = Self.elements(count: round % 4 == 0 ? Int.random(in: 0...3, using: &random) : Int.random(in: 1...60, using: &random), using: &random)
            let widths = (0..<elements.count).map { _ in Int.random(in: 1...3, using: &random) }
            let block = Self.block(elements, wide: { widths[$0] })
            #expect(try Snappy.decompress(block) == Self.reference(elements), "seed \(seed) round \(round)")
        }
    }

    @Test("a copy or a literal ending exactly at the end of the output")
    func elementsAtTheEnd() throws {
        let start = Array("0123456789abcdefghij".utf8)
        for length in 1...20 {
            for offset in 1...20 {
                let copy: [Element] = [.literal(start), .copy(offset: offset, length: length)]
                #expect(try Snappy.decompress(Self.block(copy, wide: { _ in 2 })) == Self.reference(copy))
            }
            let literal: [Element] = [.literal(start), .literal(Array(start.prefix(length)))]
            #expect(try Snappy.decompress(Self.block(literal, wide: { _ in 2 })) == Self.reference(literal))
        }
    }
}
