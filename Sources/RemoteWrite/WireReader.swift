/// A forward-only cursor over one protobuf message in a contiguous buffer.
///
/// It accepts exactly what SwiftProtobuf's binary decoder accepts (with unknown fields
/// discarded), so the hand-written remote-write decoders fail on the same bodies: tags of at
/// most 5 bytes, varints of at most 10, no field number 0, wire types 6 and 7 refused, lengths
/// that must fit in what is left of the enclosing message (and stay under 2 GiB), groups of
/// unknown fields skipped up to the same nesting limit of 100. Every violation throws
/// ``RemoteWriteError/Code/notProtobuf`` with the byte offset; nothing reads past `end`.
struct WireReader {
    /// SwiftProtobuf's default `BinaryDecodingOptions.messageDepthLimit`.
    static let depthLimit = 100

    private var cursor: UnsafePointer<UInt8>
    private let end: UnsafePointer<UInt8>
    /// The start of the whole body, for offsets in error messages.
    private let origin: UnsafePointer<UInt8>
    /// The message being decoded, for error messages.
    let version: RemoteWriteVersion
    /// Nesting still allowed below this message (messages and skipped groups both count).
    private let depthBudget: Int

    /// A reader over a whole request body (the top-level message counts as one level).
    init(body: UnsafeBufferPointer<UInt8>, version: RemoteWriteVersion) {
        // An empty array may have no base address; any non-null address works for zero bytes.
        let start = body.baseAddress ?? UnsafePointer(bitPattern: 0x10)!
        self.cursor = start
        self.end = start + body.count
        self.origin = start
        self.version = version
        self.depthBudget = Self.depthLimit - 1
    }

    private init(cursor: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>, parent: WireReader, depthBudget: Int) {
        self.cursor = cursor
        self.end = end
        self.origin = parent.origin
        self.version = parent.version
        self.depthBudget = depthBudget
    }

    /// Whether the whole message has been read.
    @inline(__always)
    var isAtEnd: Bool { cursor == end }

    /// The current position in the body.
    @inline(__always)
    var position: UnsafePointer<UInt8> { cursor }

    /// An empty slice at the current position, the default of an absent bytes field.
    var emptySlice: ByteSlice { ByteSlice(start: cursor, count: 0) }

    @inline(__always)
    private var remaining: Int { end - cursor }

    private var offset: Int { cursor - origin }

    /// A `notProtobuf` error naming the message, the problem and where it is.
    func malformed(_ what: String, at position: Int? = nil) -> RemoteWriteError {
        RemoteWriteError(
            code: .notProtobuf,
            message: "body is not a valid \(version.protoMessageName) message: \(what) at byte \(position ?? offset)"
        )
    }

    // MARK: - Scalars

    /// Reads the key of the next field (call only when not at the end).
    @inline(__always)
    mutating func readTag() throws(RemoteWriteError) -> WireTag {
        let first = cursor[0]
        if first & 0x80 == 0, let wireType = WireTag.WireType(rawValue: first & 7), first >= 8 {
            cursor += 1
            return try checked(WireTag(fieldNumber: Int(first &>> 3), wireType: wireType), at: offset - 1)
        }
        return try readLongTag()
    }

    /// The general case of ``readTag()``, unrolled the way SwiftProtobuf reads keys.
    private mutating func readLongTag() throws(RemoteWriteError) -> WireTag {
        let start = offset
        let first = cursor[0]
        guard let wireType = WireTag.WireType(rawValue: first & 7) else {
            throw malformed("invalid wire type \(first & 7)")
        }
        var fieldNumber = Int(first & 0x7F) &>> 3
        var length = 1
        if first & 0x80 != 0 {
            var shift = 4
            while true {
                guard length < remaining else { throw malformed("truncated field key") }
                let byte = cursor[length]
                if length == 4, byte > 15 { throw malformed("field key longer than 5 bytes or field number too large") }
                fieldNumber |= Int(byte & 0x7F) &<< shift
                length += 1
                if byte & 0x80 == 0 { break }
                shift += 7
            }
        }
        cursor += length
        return try checked(WireTag(fieldNumber: fieldNumber, wireType: wireType), at: start)
    }

    @inline(__always)
    private func checked(_ tag: WireTag, at position: Int) throws(RemoteWriteError) -> WireTag {
        guard tag.fieldNumber != 0 else { throw malformed("field number 0", at: position) }
        guard tag.wireType != .endGroup else { throw malformed("end-group key outside a group", at: position) }
        return tag
    }

    /// Reads a varint of at most 10 bytes (bits past the 64th are dropped, as SwiftProtobuf does).
    @inline(__always)
    mutating func readVarint() throws(RemoteWriteError) -> UInt64 {
        guard cursor < end else { throw malformed("truncated varint") }
        let first = cursor[0]
        if first & 0x80 == 0 {
            cursor += 1
            return UInt64(first)
        }
        return try readLongVarint()
    }

    private mutating func readLongVarint() throws(RemoteWriteError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        var length = 0
        while true {
            guard length < remaining else { throw malformed("truncated varint") }
            guard shift <= 63 else { throw malformed("varint longer than 10 bytes") }
            let byte = cursor[length]
            value |= UInt64(byte & 0x7F) &<< shift
            length += 1
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        cursor += length
        return value
    }

    /// Reads 8 little-endian bytes (a `double` or `fixed64`).
    @inline(__always)
    mutating func readFixed64() throws(RemoteWriteError) -> UInt64 {
        guard remaining >= 8 else { throw malformed("truncated 8-byte value") }
        let value = UInt64(littleEndian: UnsafeRawPointer(cursor).loadUnaligned(as: UInt64.self))
        cursor += 8
        return value
    }

    /// Reads a `double` bit for bit.
    @inline(__always)
    mutating func readDouble() throws(RemoteWriteError) -> Double {
        try Double(bitPattern: readFixed64())
    }

    // MARK: - Length-delimited

    /// Reads a length prefix and returns the bytes it covers (a `bytes` field or a message).
    @inline(__always)
    mutating func readBytes() throws(RemoteWriteError) -> ByteSlice {
        let start = offset
        let length = try readVarint()
        guard length < 0x7FFF_FFFF else { throw malformed("length \(length) is 2 GiB or more", at: start) }
        guard length <= UInt64(remaining) else {
            throw malformed("length \(length) runs past the end of the enclosing message (\(remaining) bytes left)", at: start)
        }
        let slice = ByteSlice(start: cursor, count: Int(length))
        cursor += Int(length)
        return slice
    }

    /// Reads a length-delimited embedded message and returns a reader over it.
    @inline(__always)
    mutating func readMessage() throws(RemoteWriteError) -> WireReader {
        let body = try readBytes()
        guard depthBudget > 0 else { throw malformed("messages nested deeper than \(Self.depthLimit) levels") }
        return WireReader(cursor: body.start, end: body.start + body.count, parent: self, depthBudget: depthBudget - 1)
    }

    /// Reads a length prefix and returns a reader over the packed scalars it covers.
    mutating func packedReader() throws(RemoteWriteError) -> WireReader {
        let body = try readBytes()
        return WireReader(cursor: body.start, end: body.start + body.count, parent: self, depthBudget: depthBudget)
    }

    /// The number of bytes left in this message.
    var byteCount: Int { remaining }

    // MARK: - Skipping

    /// Skips the value of a field this decoder does not read (unknown, or a known field sent
    /// with another wire type, which protobuf treats as unknown).
    mutating func skip(_ tag: WireTag) throws(RemoteWriteError) {
        try skip(tag, budget: depthBudget)
    }

    private mutating func skip(_ tag: WireTag, budget: Int) throws(RemoteWriteError) {
        switch tag.wireType {
        case .varint:
            _ = try readVarint()
        case .fixed64:
            guard remaining >= 8 else { throw malformed("truncated 8-byte value") }
            cursor += 8
        case .fixed32:
            guard remaining >= 4 else { throw malformed("truncated 4-byte value") }
            cursor += 4
        case .lengthDelimited:
            let start = offset
            let length = try readVarint()
            guard length <= UInt64(remaining) else {
                throw malformed("length \(length) runs past the end of the enclosing message (\(remaining) bytes left)", at: start)
            }
            cursor += Int(length)
        case .startGroup:
            try skipGroup(tag.fieldNumber, budget: budget - 1)
        case .endGroup:
            throw malformed("unexpected end-group key")
        }
    }

    /// Skips the fields of a group up to its end-group key; keys inside a group are read as
    /// plain varints, as SwiftProtobuf does there.
    private mutating func skipGroup(_ fieldNumber: Int, budget: Int) throws(RemoteWriteError) {
        guard budget >= 0 else { throw malformed("groups nested deeper than \(Self.depthLimit) levels") }
        while true {
            guard cursor < end else { throw malformed("unterminated group \(fieldNumber)") }
            let start = offset
            let key = try readVarint()
            guard key < UInt64(UInt32.max), key & ~7 != 0, let wireType = WireTag.WireType(rawValue: UInt8(key & 7)) else {
                throw malformed("invalid field key \(key) in a group", at: start)
            }
            let inner = WireTag(fieldNumber: Int(key >> 3), wireType: wireType)
            if wireType == .endGroup {
                guard inner.fieldNumber == fieldNumber else {
                    throw malformed("end-group key for field \(inner.fieldNumber) inside group \(fieldNumber)", at: start)
                }
                return
            }
            try skip(inner, budget: budget)
        }
    }
}
