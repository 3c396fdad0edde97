/// How the values of a chunk are encoded; timestamps are always frame-of-reference packed deltas.
public enum ChunkEncoding: UInt8, Sendable, Hashable, CaseIterable {
    /// Gorilla XOR of consecutive value bit patterns; works for every value.
    case xor = 1
    /// Packed deltas (or deltas of deltas) of integer values; only for chunks whose values are all
    /// integral, finite, not negative zero and within `Int64`.
    case integer = 2
}
