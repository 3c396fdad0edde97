extension Snappy {
    /// Input is compressed in independent blocks of this size, so copy offsets fit 16 bits.
    static let blockSize = 1 << 16
    /// Largest hash table: 2^14 positions.
    static let maxHashTableBits = 14
    /// Bytes at the end of a block never searched for a match, so 4-byte loads stay in bounds.
    static let inputMargin = 15

    /// Compresses bytes into one snappy block that any conforming decoder reads.
    ///
    /// A hash table of 4-byte sequences finds earlier occurrences within the same 64 KiB block;
    /// matches become copies, the rest literals, as the format description lays out.
    ///
    /// - Precondition: `input.count` fits the 32-bit length preamble.
    public static func compress(_ input: UnsafeRawBufferPointer) -> [UInt8] {
        precondition(input.count <= maxDeclarableLength, "snappy: input longer than 4 GiB")
        let capacity = maxCompressedLength(input.count)
        let table = UnsafeMutablePointer<UInt16>.allocate(capacity: 1 << maxHashTableBits)
        defer { table.deallocate() }
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            let destination = buffer.baseAddress!
            var output = writeVarint(UInt32(input.count), to: destination)
            guard let base = input.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
                initialized = output
                return
            }
            var start = 0
            while start < input.count {
                let count = min(blockSize, input.count - start)
                output += compressBlock(base + start, count: count, into: destination + output, table: table)
                start += count
            }
            initialized = output
        }
    }

    /// Compresses any collection of bytes into one snappy block.
    public static func compress(_ bytes: some Collection<UInt8>) -> [UInt8] {
        if let result = bytes.withContiguousStorageIfAvailable({ compress(UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return Array(bytes).withUnsafeBytes { compress($0) }
    }

    private static func writeVarint(_ value: UInt32, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        var remaining = value
        var written = 0
        while remaining >= 0x80 {
            destination[written] = UInt8(truncatingIfNeeded: remaining) | 0x80
            remaining >>= 7
            written += 1
        }
        destination[written] = UInt8(remaining)
        return written + 1
    }

    @inline(__always)
    private static func load32(_ pointer: UnsafePointer<UInt8>, _ index: Int) -> UInt32 {
        UnsafeRawPointer(pointer + index).loadUnaligned(as: UInt32.self)
    }

    @inline(__always)
    private static func hash(_ value: UInt32, shift: UInt32) -> Int {
        Int((value &* 0x1E35_A7BD) >> shift)
    }

    /// Compresses one block of at most 64 KiB; returns the bytes written.
    private static func compressBlock(
        _ source: UnsafePointer<UInt8>,
        count: Int,
        into destination: UnsafeMutablePointer<UInt8>,
        table: UnsafeMutablePointer<UInt16>
    ) -> Int {
        var output = 0
        var nextEmit = 0
        if count >= inputMargin {
            var tableBits = 8
            while tableBits < maxHashTableBits, 1 << tableBits < count { tableBits += 1 }
            table.initialize(repeating: 0, count: 1 << tableBits)
            let shift = UInt32(32 - tableBits)
            let limit = count - inputMargin
            var position = 1
            search: while true {
                // Look for a 4-byte match, stepping faster the longer nothing matches.
                var skip = 32
                var candidate: Int
                while true {
                    let current = load32(source, position)
                    let slot = hash(current, shift: shift)
                    candidate = Int(table[slot])
                    table[slot] = UInt16(truncatingIfNeeded: position)
                    if candidate < position, load32(source, candidate) == current { break }
                    position += skip >> 5
                    skip += 1
                    if position > limit { break search }
                }
                output += emitLiteral(source + nextEmit, count: position - nextEmit, into: destination + output)
                // Emit copies for as long as the byte right after a match starts another one.
                while true {
                    var matched = 4
                    while position + matched < count, source[candidate + matched] == source[position + matched] {
                        matched += 1
                    }
                    output += emitCopy(offset: position - candidate, length: matched, into: destination + output)
                    position += matched
                    nextEmit = position
                    if position >= limit { break search }
                    table[hash(load32(source, position - 1), shift: shift)] = UInt16(truncatingIfNeeded: position - 1)
                    let current = load32(source, position)
                    let slot = hash(current, shift: shift)
                    candidate = Int(table[slot])
                    table[slot] = UInt16(truncatingIfNeeded: position)
                    if load32(source, candidate) != current { break }
                }
                position += 1
                if position > limit { break search }
            }
        }
        if nextEmit < count {
            output += emitLiteral(source + nextEmit, count: count - nextEmit, into: destination + output)
        }
        return output
    }

    /// Writes a literal element (tag, length bytes, data); returns the bytes written.
    private static func emitLiteral(
        _ source: UnsafePointer<UInt8>,
        count: Int,
        into destination: UnsafeMutablePointer<UInt8>
    ) -> Int {
        let stored = count - 1
        var header: Int
        if stored < 60 {
            destination[0] = UInt8(stored << 2)
            header = 1
        } else {
            var extra = 1
            while extra < 4, stored >> (8 * extra) != 0 { extra += 1 }
            destination[0] = UInt8((59 + extra) << 2)
            for index in 0..<extra {
                destination[1 + index] = UInt8(truncatingIfNeeded: stored >> (8 * index))
            }
            header = 1 + extra
        }
        (destination + header).update(from: source, count: count)
        return header + count
    }

    /// Writes copy elements for a match of any length (each element holds at most 64 bytes).
    private static func emitCopy(offset: Int, length: Int, into destination: UnsafeMutablePointer<UInt8>) -> Int {
        var remaining = length
        var written = 0
        while remaining >= 68 {
            written += emitShortCopy(offset: offset, length: 64, into: destination + written)
            remaining -= 64
        }
        if remaining > 64 {
            // Leave at least 4 bytes so the tail can still use the short 1-byte-offset form.
            written += emitShortCopy(offset: offset, length: 60, into: destination + written)
            remaining -= 60
        }
        written += emitShortCopy(offset: offset, length: remaining, into: destination + written)
        return written
    }

    /// Writes one copy of 4...64 bytes with a 1- or 2-byte offset; returns the bytes written.
    private static func emitShortCopy(offset: Int, length: Int, into destination: UnsafeMutablePointer<UInt8>) -> Int {
        if length < 12, offset < 2048 {
            destination[0] = UInt8(0x01 | (length - 4) << 2 | (offset >> 8) << 5)
            destination[1] = UInt8(truncatingIfNeeded: offset)
            return 2
        }
        destination[0] = UInt8(0x02 | (length - 1) << 2)
        destination[1] = UInt8(truncatingIfNeeded: offset)
        destination[2] = UInt8(truncatingIfNeeded: offset >> 8)
        return 3
    }
}
