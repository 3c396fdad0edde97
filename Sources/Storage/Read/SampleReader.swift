/// The read side of sample storage, what PromQL and the HTTP API query: series selected by
/// matchers, their samples in a closed time range `[start, end]` (milliseconds), and the label
/// names and values in use.
///
/// `SampleStore` is the SQLite-backed implementation; `MemorySampleReader` is an in-memory one for
/// tests. Results are sorted by label set; samples keep their value bits (stale markers
/// included). For the label queries, "has samples in the range" may be judged by the series'
/// first and last timestamps (as Prometheus judges by blocks): a series with a gap covering the
/// whole range can still be listed.
public protocol SampleReader: Sendable {
    /// The series matching every matcher, with their samples in `[start, end]`; series without
    /// samples there are left out.
    func select(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [SeriesSamples]

    /// Like `select`, but chunks lying wholly inside `[start, end]` come as their summary, not
    /// decoded, and runs of them as one rolled-up summary (`SummaryRollup`) where the reader
    /// keeps one: a 30-day window costs about what a 1-hour one does.
    func selectSummarised(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [SummarisedSeries]

    /// The label sets of the series matching every matcher that have samples in `[start, end]`.
    func seriesLabels(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [Labels]

    /// The label names of those series, sorted.
    func labelNames(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [String]

    /// The values of the label `name` on those series, sorted.
    func labelValues(name: String, matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [String]
}

extension SampleReader {
    /// The label names of every series at any time.
    public func labelNames() async throws(StorageError) -> [String] {
        try await labelNames(matchers: [], start: .min, end: .max)
    }

    /// The values of the label `name` on every series at any time.
    public func labelValues(name: String) async throws(StorageError) -> [String] {
        try await labelValues(name: name, matchers: [], start: .min, end: .max)
    }
}
