/// The few protobuf wire-format primitives a remote-write body needs, written straight into one
/// buffer: message lengths are computed up front, so nothing is nested or copied.
struct ProtobufWriter {
    var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    static func varintSize(_ value: UInt64) -> Int {
        var value = value
        var size = 1
        while value >= 0x80 {
            value >>= 7
            size += 1
        }
        return size
    }

    /// The size of a length-delimited field (tag below 16) holding `length` bytes.
    @inline(__always)
    static func delimitedSize(_ length: Int) -> Int {
        1 + varintSize(UInt64(length)) + length
    }

    /// The size of a `double` field (tag below 16), omitted when all bits are zero as proto3 does.
    @inline(__always)
    static func doubleSize(_ value: Double) -> Int {
        value.bitPattern == 0 ? 0 : 9
    }

    /// The size of an `int64` field (tag below 16), omitted when zero.
    @inline(__always)
    static func int64Size(_ value: Int64) -> Int {
        value == 0 ? 0 : 1 + varintSize(UInt64(bitPattern: value))
    }

    @inline(__always)
    mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// The key of field `field` (below 16) with wire type `wireType`.
    @inline(__always)
    mutating func key(_ field: UInt8, _ wireType: UInt8) {
        bytes.append(field << 3 | wireType)
    }

    /// Starts a length-delimited field whose content will be `length` bytes.
    @inline(__always)
    mutating func delimited(_ field: UInt8, length: Int) {
        key(field, 2)
        varint(UInt64(length))
    }

    @inline(__always)
    mutating func string(_ field: UInt8, _ value: String) {
        let utf8 = value.utf8
        delimited(field, length: utf8.count)
        bytes.append(contentsOf: utf8)
    }

    @inline(__always)
    mutating func double(_ field: UInt8, _ value: Double) {
        guard value.bitPattern != 0 else { return }
        key(field, 1)
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    mutating func int64(_ field: UInt8, _ value: Int64) {
        guard value != 0 else { return }
        key(field, 0)
        varint(UInt64(bitPattern: value))
    }
}
