/// Why a snappy block could not be decoded; each malformation has its own case.
///
/// Offsets in the payloads are byte positions in the compressed input (`at`) or in the
/// decompressed output (`outputPosition`), so a message can say where the block went wrong.
public enum SnappyError: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The input ended inside the length preamble (an empty input included).
    case truncatedLength
    /// The length preamble is longer than 5 bytes or declares more than 32 bits.
    case lengthOverflow
    /// The declared uncompressed length is larger than the caller's limit.
    case tooLarge(declared: Int, limit: Int)
    /// The declared length is more than the remaining input could ever expand to (a copy of
    /// 64 bytes takes at least 3), so the block is corrupt; rejected before allocating.
    case lengthExceedsInput(declared: Int, maximum: Int)
    /// A literal (or its length bytes) runs past the end of the input.
    case literalPastInput(at: Int)
    /// A copy's offset bytes run past the end of the input.
    case copyPastInput(at: Int)
    /// A literal would write past the declared uncompressed length.
    case literalPastOutput(at: Int, outputPosition: Int)
    /// A copy would write past the declared uncompressed length.
    case copyPastOutput(at: Int, outputPosition: Int)
    /// A copy has offset 0, which the format forbids.
    case zeroOffset(at: Int)
    /// A copy reaches back before the start of the output.
    case offsetBeforeStart(at: Int, offset: Int, outputPosition: Int)
    /// The block ended before producing the declared number of bytes.
    case lengthMismatch(declared: Int, actual: Int)

    /// A one-line explanation, naming the position where decoding stopped.
    public var description: String {
        switch self {
        case .truncatedLength:
            "snappy: input ends inside the length preamble"
        case .lengthOverflow:
            "snappy: length preamble is not a varint of at most 32 bits"
        case let .tooLarge(declared, limit):
            "snappy: declared length \(declared) exceeds the limit of \(limit) bytes"
        case let .lengthExceedsInput(declared, maximum):
            "snappy: declared length \(declared) is more than the input can expand to (\(maximum))"
        case let .literalPastInput(at):
            "snappy: literal at input byte \(at) runs past the end of the input"
        case let .copyPastInput(at):
            "snappy: copy at input byte \(at) runs past the end of the input"
        case let .literalPastOutput(at, outputPosition):
            "snappy: literal at input byte \(at) (output \(outputPosition)) runs past the declared length"
        case let .copyPastOutput(at, outputPosition):
            "snappy: copy at input byte \(at) (output \(outputPosition)) runs past the declared length"
        case let .zeroOffset(at):
            "snappy: copy at input byte \(at) has offset 0"
        case let .offsetBeforeStart(at, offset, outputPosition):
            "snappy: copy at input byte \(at) has offset \(offset) before the start of the output (position \(outputPosition))"
        case let .lengthMismatch(declared, actual):
            "snappy: block declares \(declared) bytes but produces \(actual)"
        }
    }
}
