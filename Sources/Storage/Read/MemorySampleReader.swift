/// An in-memory `SampleReader` for tests of the query side (PromQL, the HTTP API): series and
/// samples are added directly, without durability or append validation.
///
/// `selectSummarised` splits each series into consecutive chunks of `chunkSize` samples from its
/// first sample, rolls their summaries up (`SummaryRollup`, blocks of `rollupFanOut`), and gives
/// the blocks and chunks lying wholly inside the window as summaries, so tests exercise the same
/// summary path as with `SampleStore`.
public actor MemorySampleReader: SampleReader {
    /// The samples per summarised chunk.
    public let chunkSize: Int
    /// The fan-out of the rolled-up summaries.
    public let rollupFanOut: Int
    private var series: [Labels: [ChunkSample]] = [:]

    /// Creates an empty reader whose summarised chunks hold `chunkSize` samples, rolled up in
    /// blocks of `rollupFanOut` chunks (and of `rollupFanOut` such blocks, ...).
    public init(chunkSize: Int = 120, rollupFanOut: Int = 16) {
        self.chunkSize = max(1, chunkSize)
        self.rollupFanOut = max(2, rollupFanOut)
    }

    /// Adds samples to a series (creating it); a sample at a timestamp already present replaces it.
    public func add(_ labels: Labels, _ samples: [ChunkSample]) {
        var merged: [Int64: ChunkSample] = [:]
        for sample in series[labels] ?? [] { merged[sample.t] = sample }
        for sample in samples { merged[sample.t] = sample }
        series[labels] = merged.values.sorted { $0.t < $1.t }
    }

    /// Removes every series.
    public func removeAll() {
        series.removeAll()
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
        guard start <= end else { return [] }
        return selected(matchers).compactMap { labels, samples in
            let chunks = stride(from: 0, to: samples.count, by: chunkSize).map { $0..<min($0 + chunkSize, samples.count) }
            var rollup = SummaryRollup(fanOut: rollupFanOut)
            for chunk in chunks {
                rollup.append(ChunkSummary(samples: samples[chunk]), minT: samples[chunk.lowerBound].t, maxT: samples[chunk.upperBound - 1].t)
            }
            var builder = SeriesPieceBuilder()
            rollup.cover(from: start, through: end) { from, through in
                for chunk in chunks {
                    let minT = samples[chunk.lowerBound].t
                    let maxT = samples[chunk.upperBound - 1].t
                    guard maxT >= from && minT <= through else { continue }
                    if minT >= start && maxT <= end {
                        builder.add(ChunkSummary(samples: samples[chunk]), minT: minT, maxT: maxT)
                    } else {
                        for sample in samples[chunk] where sample.t >= start && sample.t <= end { builder.add(sample) }
                    }
                }
            } block: { block in
                builder.add(block)
            }
            let pieces = builder.finish()
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
