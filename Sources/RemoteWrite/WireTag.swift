/// A protobuf field key: the field number and how its value is encoded on the wire.
struct WireTag {
    /// The protobuf wire types.
    enum WireType: UInt8 {
        case varint = 0
        case fixed64 = 1
        case lengthDelimited = 2
        case startGroup = 3
        case endGroup = 4
        case fixed32 = 5
    }

    /// The field number, 1 to 2^29 - 1.
    let fieldNumber: Int
    /// How the value is encoded.
    let wireType: WireType
}
