/// An in-memory `SampleReader` for tests of the query side (PromQL, the HTTP API): series and
/// samples are added directly, without durability or append validation.
///
/// `selectSummarised` splits each series into consecutive chunks of `chunkSize` samples from its
/// first sample, and gives the chunks lying wholly inside the window as summaries, so tests
/// exercise the same summary path as with `SampleStore`.
public actor MemorySampleReader: SampleReader {
    /// The samples per summarised chunk.
    public let chunkSize: Int
    private var series: [Labels: [ChunkSample]] = [:]
    /// The summaries of each series' leading full chunks, made on first use; appending leaves them valid.
    private var summaries: [Labels: [ChunkSummary]] = [:]

    /// Creates an empty reader whose summarised chunks hold `chunkSize` samples.
    public init(chunkSize: Int = 120) {
        self.chunkSize = max(1, chunkSize)
    }

    /// Adds samples to a series (creating it); a sample at a timestamp already present replaces it.
    public func add(_ labels: Labels, _ samples: [ChunkSample]) {
        // Samples after the last one (rule output, step-by-step loading) are appended as they are.
        if zip(samples, samples.dropFirst()).allSatisfy({ $0.t < $1.t }),
           let first = samples.first, series[labels]?.last.map({ $0.t < first.t }) ?? true {
            series[labels, default: []].append(contentsOf: samples)
            return
        }
        summaries[labels] = nil
        var merged: [Int64: ChunkSample] = [:]
        for sample in series[labels] ?? [] { merged[sample.t] = sample }
        for sample in samples { merged[sample.t] = sample }
        series[labels] = merged.values.sorted { $0.t < $1.t }
    }

    /// Removes every series.
    public func removeAll() {
        series.removeAll()
        summaries.removeAll()
    }

    /// See `SampleReader.select(matchers:start:end:)`.
    public func select(matchers: [SeriesMatcher], start: Int64, end: Int64) throws(StorageError) -> [SeriesSamples] {
        selected(matchers).compactMap { labels, samples in
            let inside = samples.filter { $0.t >= start && $0.t <= end }
            return inside.isEmpty ? nil : SeriesSamples(labels: labels, samples: inside)
        }
    }

    /// See `SampleReader.selectSummarised(matchers:start:end:)`.
    public func selectSummarised(matchers: [SeriesMatcher], start: Int64, end: Int64) throws(StorageError) -> [SummarisedSeries] {
        selected(matchers).compactMap { labels, samples in
            var pieces: [SeriesPiece] = []
            var pending: [ChunkSample] = []
            var cached = summaries[labels] ?? []
            for (index, chunkStart) in stride(from: 0, to: samples.count, by: chunkSize).enumerated() {
                let chunk = samples[chunkStart..<min(chunkStart + chunkSize, samples.count)]
                guard let first = chunk.first, let last = chunk.last, last.t >= start, first.t <= end else { continue }
                if first.t >= start, last.t <= end {
                    if !pending.isEmpty { pieces.append(.samples(pending)); pending = [] }
                    let summary = index < cached.count ? cached[index] : ChunkSummary(samples: chunk)
                    if index == cached.count, chunk.count == chunkSize { cached.append(summary) }
                    pieces.append(.chunk(summary, minT: first.t, maxT: last.t))
                } else {
                    pending += chunk.filter { $0.t >= start && $0.t <= end }
                }
            }
            summaries[labels] = cached
            if !pending.isEmpty { pieces.append(.samples(pending)) }
            return pieces.isEmpty ? nil : SummarisedSeries(labels: labels, pieces: pieces)
        }
    }

    /// See `SampleReader.seriesLabels(matchers:start:end:)`.
    public func seriesLabels(matchers: [SeriesMatcher], start: Int64, end: Int64) throws(StorageError) -> [Labels] {
        selected(matchers).filter { _, samples in samples.contains { $0.t >= start && $0.t <= end } }.map(\.0)
    }

    /// See `SampleReader.labelNames(matchers:start:end:)`.
    public func labelNames(matchers: [SeriesMatcher], start: Int64, end: Int64) throws(StorageError) -> [String] {
        let names = Set(try seriesLabels(matchers: matchers, start: start, end: end).flatMap { $0.map(\.name) })
        return names.sorted(by: Labels.precedes)
    }

    /// See `SampleReader.labelValues(name:matchers:start:end:)`.
    public func labelValues(name: String, matchers: [SeriesMatcher], start: Int64, end: Int64) throws(StorageError) -> [String] {
        let values = Set(try seriesLabels(matchers: matchers, start: start, end: end).compactMap { $0[name] })
        return values.sorted(by: Labels.precedes)
    }

    private func selected(_ matchers: [SeriesMatcher]) -> [(Labels, [ChunkSample])] {
        series.filter { labels, _ in matchers.allSatisfy { $0.matches(labels) } }
            .sorted { $0.key < $1.key }
            .map { ($0.key, $0.value) }
    }
}
