/// What a series measures; remote-write 2.0 sends it as the series' metadata type.
public enum MetricKind: UInt8, Sendable, Hashable {
    /// A monotonically growing counter (`_total`, and a classic histogram's `_sum`/`_count`).
    case counter = 1
    /// A value that goes up and down.
    case gauge = 2
    /// A classic histogram's series (`_bucket`, `_sum`, `_count`), typed as its family is.
    case histogram = 3
}
