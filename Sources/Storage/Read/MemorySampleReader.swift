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
    /// Each series' chunks, summaries and rollup, made on its first summarised read.
    private var chunked: [Labels: Chunked] = [:]

    /// A series cut into chunks of `chunkSize` samples, their summaries and rollup.
    private struct Chunked {
        var bounds: [Range<Int>] = []
        var minT: [Int64] = []
        var maxT: [Int64] = []
        var summaries: [ChunkSummary] = []
        var rollup: SummaryRollup

        init(_ samples: [ChunkSample], chunkSize: Int, fanOut: Int) {
            rollup = SummaryRollup(fanOut: fanOut)
            for start in stride(from: 0, to: samples.count, by: chunkSize) {
                let chunk = start..<min(start + chunkSize, samples.count)
                let summary = ChunkSummary(samples: samples[chunk])
                bounds.append(chunk)
                minT.append(samples[chunk.lowerBound].t)
                maxT.append(samples[chunk.upperBound - 1].t)
                summaries.append(summary)
                rollup.append(summary, minT: samples[chunk.lowerBound].t, maxT: samples[chunk.upperBound - 1].t)
            }
        }

        /// The index of the first chunk ending at or after `t`.
        func firstChunk(endingAtOrAfter t: Int64) -> Int {
            var low = 0
            var high = maxT.count
            while low < high {
                let middle = (low + high) / 2
                if maxT[middle] < t { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }

    /// Creates an empty reader whose summarised chunks hold `chunkSize` samples, rolled up in
    /// blocks of `rollupFanOut` chunks (and of `rollupFanOut` such blocks, ...).
    public init(chunkSize: Int = 120, rollupFanOut: Int = 8) {
        self.chunkSize = max(1, chunkSize)
        self.rollupFanOut = max(2, rollupFanOut)
    }

    /// Adds samples to a series (creating it); a sample at a timestamp already present replaces it.
    public func add(_ labels: Labels, _ samples: [ChunkSample]) {
        // Samples after the last one (rule output, step-by-step loading) are appended as they are.
        if zip(samples, samples.dropFirst()).allSatisfy({ $0.t < $1.t }),
           let first = samples.first, series[labels]?.last.map({ $0.t < first.t }) ?? true {
            series[labels, default: []].append(contentsOf: samples)
            chunked[labels] = nil
            return
        }
        var merged: [Int64: ChunkSample] = [:]
        for sample in series[labels] ?? [] { merged[sample.t] = sample }
        for sample in samples { merged[sample.t] = sample }
        series[labels] = merged.values.sorted { $0.t < $1.t }
        chunked[labels] = nil
    }

    /// Removes every series.
    public func removeAll() {
        series.removeAll()
        chunked.removeAll()
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
            let chunks = chunked[labels] ?? Chunked(samples, chunkSize: chunkSize, fanOut: rollupFanOut)
            chunked[labels] = chunks
            var builder = SeriesPieceBuilder()
            chunks.rollup.cover(from: start, through: end) { from, through in
                var index = chunks.firstChunk(endingAtOrAfter: from)
                while index < chunks.bounds.count, chunks.minT[index] <= through {
                    if chunks.minT[index] >= start && chunks.maxT[index] <= end {
                        builder.add(chunks.summaries[index], minT: chunks.minT[index], maxT: chunks.maxT[index])
                    } else {
                        for sample in samples[chunks.bounds[index]] where sample.t >= start && sample.t <= end { builder.add(sample) }
                    }
                    index += 1
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
