extension Snappy {
    /// Decompresses one snappy block.
    ///
    /// The output is allocated once, at the declared length, after that length was checked
    /// against `maxDecompressedSize` and against what the input could possibly expand to; the
    /// elements are then decoded into it with raw pointers.
    ///
    /// - Parameters:
    ///   - input: a complete snappy block (preamble and elements).
    ///   - maxDecompressedSize: the largest declared length accepted; larger blocks throw
    ///     ``SnappyError/tooLarge(declared:limit:)`` before anything is allocated.
    /// - Returns: exactly the declared number of bytes.
    public static func decompress(
        _ input: UnsafeRawBufferPointer,
        maxDecompressedSize: Int = Snappy.maxDeclarableLength
    ) throws(SnappyError) -> [UInt8] {
        let preamble = try readPreamble(input)
        let declared = preamble.length
        guard declared <= maxDecompressedSize else {
            throw .tooLarge(declared: declared, limit: maxDecompressedSize)
        }
        // The densest element is a 3-byte copy of 64 bytes: a declared length beyond that ratio
        // cannot be produced, so it is refused before the allocation it asks for.
        let maximum = (input.count - preamble.size) * 64 / 3
        guard declared <= maximum else {
            throw .lengthExceedsInput(declared: declared, maximum: maximum)
        }
        guard let source = input.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            throw .truncatedLength
        }
        var failure: SnappyError?
        // One byte at least, so the buffer has an address even for an empty block.
        let output = [UInt8](unsafeUninitializedCapacity: max(declared, 1)) { buffer, initialized in
            do throws(SnappyError) {
                initialized = try decodeElements(
                    source: source,
                    sourceCount: input.count,
                    start: preamble.size,
                    destination: buffer.baseAddress!,
                    destinationCount: declared
                )
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return output
    }

    /// Decompresses one snappy block held in any collection of bytes.
    ///
    /// Contiguous collections (`[UInt8]`, `ArraySlice`, `Data`) are read in place.
    public static func decompress(
        _ bytes: some Collection<UInt8>,
        maxDecompressedSize: Int = Snappy.maxDeclarableLength
    ) throws(SnappyError) -> [UInt8] {
        try withRawBytes(bytes) { raw throws(SnappyError) in
            try decompress(raw, maxDecompressedSize: maxDecompressedSize)
        }
    }

    /// Decodes the elements after the preamble; returns the number of bytes written.
    ///
    /// Every read is checked against `sourceCount` and every write against `destinationCount`
    /// before it happens, so no input can make it touch memory outside the two buffers.
    private static func decodeElements(
        source: UnsafePointer<UInt8>,
        sourceCount: Int,
        start: Int,
        destination: UnsafeMutablePointer<UInt8>,
        destinationCount: Int
    ) throws(SnappyError) -> Int {
        var input = start
        var output = 0
        while input < sourceCount {
            let tagPosition = input
            let tag = source[input]
            input += 1
            let length: Int
            let offset: Int
            switch tag & 0x03 {
            case 0x00:
                var literalLength = Int(tag >> 2)
                if literalLength >= 60 {
                    let extra = literalLength - 59
                    guard sourceCount - input >= extra else { throw .literalPastInput(at: tagPosition) }
                    literalLength = 0
                    for index in 0..<extra {
                        literalLength |= Int(source[input + index]) << (8 * index)
                    }
                    input += extra
                }
                literalLength += 1
                if literalLength <= 16 && sourceCount - input >= 16 && destinationCount - output >= 16 {
                    // A short literal with room after it in both buffers: two 8-byte moves
                    // instead of a call to memcpy. The bytes past the literal are the next
                    // elements' to write.
                    copy16(from: source + input, to: destination + output)
                    input += literalLength
                    output += literalLength
                    continue
                }
                guard sourceCount - input >= literalLength else { throw .literalPastInput(at: tagPosition) }
                guard destinationCount - output >= literalLength else {
                    throw .literalPastOutput(at: tagPosition, outputPosition: output)
                }
                (destination + output).update(from: source + input, count: literalLength)
                input += literalLength
                output += literalLength
                continue
            case 0x01:
                guard input < sourceCount else { throw .copyPastInput(at: tagPosition) }
                length = 4 + Int((tag >> 2) & 0x07)
                offset = Int(tag >> 5) << 8 | Int(source[input])
                input += 1
            case 0x02:
                guard sourceCount - input >= 2 else { throw .copyPastInput(at: tagPosition) }
                length = 1 + Int(tag >> 2)
                offset = Int(source[input]) | Int(source[input + 1]) << 8
                input += 2
            default:
                guard sourceCount - input >= 4 else { throw .copyPastInput(at: tagPosition) }
                length = 1 + Int(tag >> 2)
                offset = Int(source[input]) | Int(source[input + 1]) << 8
                    | Int(source[input + 2]) << 16 | Int(source[input + 3]) << 24
                input += 4
            }
            guard offset != 0 else { throw .zeroOffset(at: tagPosition) }
            guard offset <= output else {
                throw .offsetBeforeStart(at: tagPosition, offset: offset, outputPosition: output)
            }
            guard destinationCount - output >= length else {
                throw .copyPastOutput(at: tagPosition, outputPosition: output)
            }
            let target = destination + output
            let origin = target - offset
            if offset >= 8 && destinationCount - output >= length + 7 {
                // 8 bytes at a time, up to 7 past the copy (room checked; the next elements
                // overwrite them). With the origin at least 8 bytes back, every 8 bytes read
                // were written before, by earlier elements or this copy's earlier moves: an
                // overlapping copy repeats its pattern as byte by byte.
                var moved = 0
                repeat {
                    copy8(from: origin + moved, to: target + moved)
                    moved += 8
                } while moved < length
            } else if offset >= length {
                target.update(from: origin, count: length)
            } else {
                // Overlapping copy: each byte may be one this copy just wrote (a repeated pattern).
                for index in 0..<length {
                    target[index] = origin[index]
                }
            }
            output += length
        }
        guard output == destinationCount else {
            throw .lengthMismatch(declared: destinationCount, actual: output)
        }
        return output
    }

    /// Moves 8 bytes, at any alignment.
    @inline(__always)
    private static func copy8(from source: UnsafePointer<UInt8>, to destination: UnsafeMutablePointer<UInt8>) {
        UnsafeMutableRawPointer(destination).storeBytes(of: UnsafeRawPointer(source).loadUnaligned(as: UInt64.self), as: UInt64.self)
    }

    /// Moves 16 bytes, at any alignment.
    @inline(__always)
    private static func copy16(from source: UnsafePointer<UInt8>, to destination: UnsafeMutablePointer<UInt8>) {
        copy8(from: source, to: destination)
        copy8(from: source + 8, to: destination + 8)
    }
}
