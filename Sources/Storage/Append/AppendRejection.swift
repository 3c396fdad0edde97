/// A sample the store refused, with why, which series and which timestamp.
public struct AppendRejection: Sendable, Hashable, CustomStringConvertible {
    /// Why a sample is refused, with Prometheus' wording.
    public enum Reason: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// The timestamp is before the series' newest sample and no sample with the same bits is
        /// stored there (Prometheus' `storage.ErrOutOfOrderSample`).
        case outOfOrder = "out of order sample"
        /// The timestamp equals the series' newest sample's, with a different value
        /// (Prometheus' `storage.ErrDuplicateSampleForTimestamp`).
        case duplicateTimestamp = "duplicate sample for timestamp"
        /// The timestamp is before the retention boundary (Prometheus' `storage.ErrOutOfBounds`).
        case outOfBounds = "out of bounds"
        /// The label set is empty (Prometheus' `empty labelset`).
        case emptyLabels = "empty labelset"

        /// Prometheus' error message for this reason.
        public var description: String { rawValue }
    }

    /// Why the sample was refused.
    public var reason: Reason
    /// The series' label set.
    public var labels: Labels
    /// The refused sample.
    public var sample: ChunkSample

    /// Creates a rejection.
    public init(reason: Reason, labels: Labels, sample: ChunkSample) {
        self.reason = reason
        self.labels = labels
        self.sample = sample
    }

    /// The rejection as Prometheus logs it: `out of order sample: series {…}, timestamp 1700000000000`.
    public var description: String {
        "\(reason.rawValue): series \(labels), timestamp \(sample.t)"
    }
}
