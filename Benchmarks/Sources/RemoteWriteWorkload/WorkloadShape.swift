/// How samples are cut into request bodies: entries (series) per body, samples per entry.
public struct WorkloadShape: Sendable, Hashable, CustomStringConvertible {
    /// The number of series entries in one body (a series may appear twice, at two timestamps).
    public var entriesPerBody: Int
    /// The number of consecutive samples in one entry.
    public var samplesPerEntry: Int

    /// Creates a shape.
    public init(entriesPerBody: Int, samplesPerEntry: Int) {
        self.entriesPerBody = max(1, entriesPerBody)
        self.samplesPerEntry = max(1, samplesPerEntry)
    }

    /// 10,000 entries of one sample each: what Prometheus sends with `max_samples_per_send: 10000`.
    public static let entries10k = WorkloadShape(entriesPerBody: 10_000, samplesPerEntry: 1)
    /// 500 entries of one sample each: Prometheus 2.42's default `max_samples_per_send`.
    public static let entries500 = WorkloadShape(entriesPerBody: 500, samplesPerEntry: 1)
    /// 500 series of 20 samples each: a sender that batches per series (backfill, agents).
    public static let series500x20 = WorkloadShape(entriesPerBody: 500, samplesPerEntry: 20)

    /// The number of samples in one body.
    public var samplesPerBody: Int { entriesPerBody * samplesPerEntry }

    /// `10000x1`.
    public var description: String { "\(entriesPerBody)x\(samplesPerEntry)" }

    /// Parses `ENTRIESxSAMPLES`, such as `10000x1`.
    public init?(_ text: String) {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let entries = Int(parts[0]), let samples = Int(parts[1]), entries > 0, samples > 0 else { return nil }
        self.init(entriesPerBody: entries, samplesPerEntry: samples)
    }
}
