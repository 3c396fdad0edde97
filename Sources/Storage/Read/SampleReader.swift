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

    /// Like `select`, but with only the latest sample of each series in `[start, end]` (a stale
    /// marker included): all an instant vector selector takes of its lookback window.
    func selectLatest(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> LatestSamples

    /// Like `select`, but chunks lying wholly inside `[start, end]` come as their summary, not
    /// decoded, and runs of them as one rolled-up summary (`SummaryRollup`) where the reader
    /// keeps one: a 30-day window costs about what a 1-hour one does.
    func selectSummarised(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [SummarisedSeries]

    /// For each of `ranges` (milliseconds), the window `[end - range, end]`: the series matching
    /// every matcher with their samples there folded into a `RangeAccumulator`, as
    /// `selectSummarised` of each window and `SummarisedSeries.accumulate()` give them, bit for
    /// bit, for the series with a sample (stale markers aside) in some window; their
    /// accumulator of a window without one is empty. Sorted by label set. One read for all the windows of a
    /// selector (an SLO reads each of its counters over 8 windows at every evaluation).
    func accumulate(matchers: [SeriesMatcher], end: Int64, ranges: [Int64]) async throws(StorageError) -> [SeriesWindows]

    /// `accumulate(matchers:end:ranges:)` of each selection, in order, with the same result as
    /// one call each; a reader may fold a series that several selections match (at the same end)
    /// once for all their windows: an SLO's error selector matches series its total selector
    /// matches too.
    func accumulate(_ selections: [WindowSelection]) async throws(StorageError) -> [[SeriesWindows]]

    /// The label sets of the series matching every matcher that have samples in `[start, end]`.
    func seriesLabels(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [Labels]

    /// The label names of those series, sorted.
    func labelNames(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [String]

    /// The values of the label `name` on those series, sorted.
    func labelValues(name: String, matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> [String]
}

extension SampleReader {
    /// `selectLatest(matchers:start:end:)` by `select`, keeping each series' last sample.
    public func selectLatest(matchers: [SeriesMatcher], start: Int64, end: Int64) async throws(StorageError) -> LatestSamples {
        let series = try await select(matchers: matchers, start: start, end: end)
        var latest = LatestSamples(capacity: series.count)
        for entry in series {
            if let last = entry.samples.last { latest.append(entry.labels, last) }
        }
        return latest
    }

    /// `accumulate(matchers:end:ranges:)` by one `selectSummarised` per window.
    public func accumulate(matchers: [SeriesMatcher], end: Int64, ranges: [Int64]) async throws(StorageError) -> [SeriesWindows] {
        var found: [Labels: [RangeAccumulator]] = [:]
        for (position, range) in ranges.enumerated() {
            for series in try await selectSummarised(matchers: matchers, start: end - range, end: end) {
                found[series.labels, default: Array(repeating: RangeAccumulator(), count: ranges.count)][position] = series.accumulate()
            }
        }
        return found.filter { $0.value.contains { $0.count > 0 } }
            .map { SeriesWindows(labels: $0.key, windows: $0.value) }.sorted { $0.labels < $1.labels }
    }

    /// `accumulate(_:)` by one `accumulate(matchers:end:ranges:)` per selection.
    public func accumulate(_ selections: [WindowSelection]) async throws(StorageError) -> [[SeriesWindows]] {
        var result: [[SeriesWindows]] = []
        result.reserveCapacity(selections.count)
        for selection in selections {
            result.append(try await accumulate(matchers: selection.matchers, end: selection.end, ranges: selection.ranges))
        }
        return result
    }

    /// The label names of every series at any time.
    public func labelNames() async throws(StorageError) -> [String] {
        try await labelNames(matchers: [], start: .min, end: .max)
    }

    /// The values of the label `name` on every series at any time.
    public func labelValues(name: String) async throws(StorageError) -> [String] {
        try await labelValues(name: name, matchers: [], start: .min, end: .max)
    }
}
