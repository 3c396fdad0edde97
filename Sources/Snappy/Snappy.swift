/// The snappy block format: a length preamble followed by literals and back-references.
///
/// Only the block format is implemented (what Prometheus remote-write uses), not the framed
/// stream format. Decoding is safe on hostile input: every malformed block throws a
/// ``SnappyError`` and nothing is allocated beyond the declared, limited length.
public enum Snappy {
    /// The largest uncompressed length the format can declare (the preamble is 32 bits).
    public static let maxDeclarableLength = Int(UInt32.max)

    /// The most bytes ``compress(_:)-(UnsafeRawBufferPointer)`` can produce for `count` input bytes.
    public static func maxCompressedLength(_ count: Int) -> Int {
        32 + count + count / 6
    }

    /// Reads the uncompressed length that a snappy block declares, without decoding it.
    ///
    /// - Throws: ``SnappyError/truncatedLength`` or ``SnappyError/lengthOverflow``.
    public static func uncompressedLength(of input: UnsafeRawBufferPointer) throws(SnappyError) -> Int {
        try readPreamble(input).length
    }

    /// Reads the uncompressed length that a snappy block declares, without decoding it.
    public static func uncompressedLength(of bytes: some Collection<UInt8>) throws(SnappyError) -> Int {
        try withRawBytes(bytes) { raw throws(SnappyError) in try uncompressedLength(of: raw) }
    }

    /// Parses the varint preamble: the declared length and how many bytes it took.
    static func readPreamble(_ input: UnsafeRawBufferPointer) throws(SnappyError) -> (length: Int, size: Int) {
        var value: UInt64 = 0
        for index in 0..<5 {
            guard index < input.count else { throw .truncatedLength }
            let byte = input[index]
            if index == 4, byte > 0x0F { throw .lengthOverflow }
            value |= UInt64(byte & 0x7F) << (7 * UInt64(index))
            if byte & 0x80 == 0 { return (Int(value), index + 1) }
        }
        throw .lengthOverflow
    }

    /// Calls `body` with the bytes of `bytes` as one contiguous buffer, copying only if needed.
    static func withRawBytes<Result>(
        _ bytes: some Collection<UInt8>,
        _ body: (UnsafeRawBufferPointer) throws(SnappyError) -> Result
    ) throws(SnappyError) -> Result {
        let outcome: Swift.Result<Result, SnappyError>? = bytes.withContiguousStorageIfAvailable { buffer in
            do throws(SnappyError) {
                return .success(try body(UnsafeRawBufferPointer(buffer)))
            } catch {
                return .failure(error)
            }
        }
        if let outcome { return try outcome.get() }
        let copy = Array(bytes)
        return try copy.withUnsafeBytes { raw in
            do throws(SnappyError) {
                return Swift.Result<Result, SnappyError>.success(try body(raw))
            } catch {
                return .failure(error)
            }
        }.get()
    }
}
