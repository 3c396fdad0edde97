import Snappy
import Testing

@Suite("Snappy refuses malformed blocks with a specific error")
struct SnappyHostileInputTests {
    private func decode(_ bytes: [UInt8], limit: Int = 1 << 20) throws(SnappyError) -> [UInt8] {
        try Snappy.decompress(bytes, maxDecompressedSize: limit)
    }

    @Test func emptyInput() {
        #expect(throws: SnappyError.truncatedLength) { try decode([]) }
    }

    @Test func truncatedVarint() {
        #expect(throws: SnappyError.truncatedLength) { try decode([0x80]) }
        #expect(throws: SnappyError.truncatedLength) { try decode([0xFF, 0xFF, 0xFF, 0xFF]) }
    }

    @Test("a 5-byte varint with bits above 32, or a 6th byte, overflows")
    func varintOverflow() {
        #expect(throws: SnappyError.lengthOverflow) { try decode([0x80, 0x80, 0x80, 0x80, 0x10]) }
        #expect(throws: SnappyError.lengthOverflow) { try decode([0xFF, 0xFF, 0xFF, 0xFF, 0x1F, 0x00]) }
        #expect(throws: SnappyError.lengthOverflow) { try decode([0x80, 0x80, 0x80, 0x80, 0x80, 0x01]) }
    }

    @Test("a huge declared length is refused before allocating")
    func hugeDeclaredLength() {
        // 2^32 - 1 declared by 5 bytes, with nothing behind it.
        let huge: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]
        #expect(throws: SnappyError.tooLarge(declared: 4_294_967_295, limit: 1 << 20)) { try decode(huge) }
        #expect(throws: SnappyError.lengthExceedsInput(declared: 4_294_967_295, maximum: 0)) {
            try Snappy.decompress(huge)
        }
        // 1 MiB declared, one 3-byte copy behind it: at most 64 bytes can come out.
        #expect(throws: SnappyError.lengthExceedsInput(declared: 1 << 20, maximum: 64)) {
            try Snappy.decompress([0x80, 0x80, 0x40, 0xFE, 0x01, 0x00])
        }
    }

    @Test("copy offset 0 is invalid")
    func zeroOffset() {
        // length 5: literal "a", then copy-1 of 4 bytes at offset 0.
        #expect(throws: SnappyError.zeroOffset(at: 3)) { try decode([0x05, 0x00, 0x61, 0x01, 0x00]) }
        // copy-2 and copy-4 with offset 0
        #expect(throws: SnappyError.zeroOffset(at: 3)) { try decode([0x05, 0x00, 0x61, 0x0E, 0x00, 0x00]) }
        #expect(throws: SnappyError.zeroOffset(at: 3)) { try decode([0x05, 0x00, 0x61, 0x0F, 0, 0, 0, 0]) }
    }

    @Test("a copy reaching before the start of the output is invalid")
    func offsetBeforeStart() {
        #expect(throws: SnappyError.offsetBeforeStart(at: 3, offset: 2, outputPosition: 1)) {
            try decode([0x05, 0x00, 0x61, 0x0E, 0x02, 0x00])
        }
        // A copy as the very first element.
        #expect(throws: SnappyError.offsetBeforeStart(at: 1, offset: 1, outputPosition: 0)) {
            try decode([0x04, 0x01, 0x01])
        }
        #expect(throws: SnappyError.offsetBeforeStart(at: 3, offset: 0x0100_0000, outputPosition: 1)) {
            try decode([0x05, 0x00, 0x61, 0x0F, 0x00, 0x00, 0x00, 0x01])
        }
    }

    @Test("a literal running past the input is invalid")
    func truncatedLiteral() {
        // declares 10 bytes, literal of 10 but only 2 present
        #expect(throws: SnappyError.literalPastInput(at: 1)) { try decode([0x0A, 0x24, 0x61, 0x62]) }
        // literal with a 2-byte length whose length bytes are missing
        #expect(throws: SnappyError.literalPastInput(at: 1)) { try decode([0x0A, 0xF4, 0x01]) }
    }

    @Test("copy offset bytes running past the input are invalid")
    func truncatedCopy() {
        #expect(throws: SnappyError.copyPastInput(at: 3)) { try decode([0x05, 0x00, 0x61, 0x01]) }
        #expect(throws: SnappyError.copyPastInput(at: 3)) { try decode([0x05, 0x00, 0x61, 0x0E, 0x01]) }
        #expect(throws: SnappyError.copyPastInput(at: 3)) { try decode([0x05, 0x00, 0x61, 0x0F, 0x01, 0x00]) }
    }

    @Test("elements writing past the declared length are invalid")
    func outputOverrun() {
        #expect(throws: SnappyError.literalPastOutput(at: 1, outputPosition: 0)) { try decode([0x01, 0x04, 0x61, 0x62]) }
        // declared 5: literal "a" then copy of 8 bytes
        #expect(throws: SnappyError.copyPastOutput(at: 3, outputPosition: 1)) { try decode([0x05, 0x00, 0x61, 0x11, 0x01]) }
        // declared 0 but a literal follows
        #expect(throws: SnappyError.literalPastOutput(at: 1, outputPosition: 0)) { try decode([0x00, 0x00, 0x61]) }
    }

    @Test("a block producing fewer bytes than declared is invalid")
    func lengthMismatch() {
        #expect(throws: SnappyError.lengthMismatch(declared: 5, actual: 1)) { try decode([0x05, 0x00, 0x61]) }
        // declared 10: "ab" then a copy of 5 -> only 7 bytes
        #expect(throws: SnappyError.lengthMismatch(declared: 10, actual: 7)) { try decode([0x0A, 0x04, 0x61, 0x62, 0x05, 0x02]) }
    }

    @Test("overlapping copies repeat the pattern, as the format says")
    func overlappingCopy() throws {
        // "ab" then copy-1 of length 8 at offset 2 -> "ababababab"
        #expect(try decode([0x0A, 0x04, 0x61, 0x62, 0x11, 0x02]) == Array("ababababab".utf8))
        // "a" then copy-2 of length 64 at offset 1 -> 65 x "a"
        #expect(try decode([0x41, 0x00, 0x61, 0xFE, 0x01, 0x00]) == [UInt8](repeating: 0x61, count: 65))
    }

    @Test("every error has a message naming the problem")
    func messages() {
        #expect(SnappyError.zeroOffset(at: 3).description.contains("offset 0"))
        #expect(SnappyError.tooLarge(declared: 10, limit: 5).description.contains("limit of 5"))
    }
}
