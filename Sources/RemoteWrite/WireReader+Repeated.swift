extension WireReader {
    /// Appends the values of a repeated `uint32` field, sent packed or one per key.
    ///
    /// - Returns: `false` when the wire type fits neither form; the caller then skips the field.
    mutating func appendUInt32s(_ tag: WireTag, to values: inout [UInt32]) throws(RemoteWriteError) -> Bool {
        switch tag.wireType {
        case .varint:
            values.append(UInt32(truncatingIfNeeded: try readVarint()))
        case .lengthDelimited:
            var packed = try packedReader()
            while !packed.isAtEnd {
                values.append(UInt32(truncatingIfNeeded: try packed.readVarint()))
            }
        default:
            return false
        }
        return true
    }

    /// Appends the values of a repeated `sint64` field, sent packed or one per key.
    mutating func appendSInt64s(_ tag: WireTag, to values: inout [Int64]) throws(RemoteWriteError) -> Bool {
        switch tag.wireType {
        case .varint:
            values.append(Self.zigZag(try readVarint()))
        case .lengthDelimited:
            var packed = try packedReader()
            while !packed.isAtEnd {
                values.append(Self.zigZag(try packed.readVarint()))
            }
        default:
            return false
        }
        return true
    }

    /// Appends the values of a repeated `double` field, sent packed or one per key.
    mutating func appendDoubles(_ tag: WireTag, to values: inout [Double]) throws(RemoteWriteError) -> Bool {
        switch tag.wireType {
        case .fixed64:
            values.append(try readDouble())
        case .lengthDelimited:
            var packed = try packedReader()
            guard packed.byteCount % 8 == 0 else {
                throw malformed("packed doubles of \(packed.byteCount) bytes, not a multiple of 8")
            }
            values.reserveCapacity(values.count + packed.byteCount / 8)
            while !packed.isAtEnd {
                values.append(try packed.readDouble())
            }
        default:
            return false
        }
        return true
    }

    /// Decodes a ZigZag-encoded `sint64`.
    @inline(__always)
    static func zigZag(_ value: UInt64) -> Int64 {
        Int64(bitPattern: value &>> 1) ^ -Int64(bitPattern: value & 1)
    }

    /// Decodes a ZigZag-encoded `sint32` from a varint (truncated to 32 bits first).
    @inline(__always)
    static func zigZag32(_ value: UInt64) -> Int32 {
        let bits = UInt32(truncatingIfNeeded: value)
        return Int32(bitPattern: bits &>> 1) ^ -Int32(bitPattern: bits & 1)
    }

    /// A proto3 enum value as SwiftProtobuf reads it: the varint truncated to 32 bits.
    @inline(__always)
    static func enumValue(_ value: UInt64) -> Int32 {
        Int32(truncatingIfNeeded: value)
    }
}
