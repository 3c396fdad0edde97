import Testing
import Storage

/// `SummaryRollup`: every block summarises exactly its chunks' samples; `cover` splits a window
/// into blocks inside it and chunk-level stretches that, together, hold each chunk overlapping the
/// window exactly once, in time order, with only a few pieces per level; after retention drops
/// the old blocks, the same holds for what is left.
@Suite struct SummaryRollupTests {
    /// A series cut into chunks of random sizes, with gaps between some of them.
    private struct Chunked {
        var samples: [ChunkSample] = []
        var chunks: [Range<Int>] = []

        init(chunkCount: Int, rng: inout SplitMix64) {
            var t: Int64 = 1_000_000
            for _ in 0..<chunkCount {
                let start = samples.count
                for _ in 0..<Int.random(in: 1...6, using: &rng) {
                    t += Int64.random(in: 1...20_000, using: &rng)
                    let v: Double = Int.random(in: 0..<30, using: &rng) == 0 ? ChunkSample.staleMarker : Double(Int.random(in: 0...9, using: &rng))
                    samples.append(ChunkSample(t: t, v: v))
                }
                chunks.append(start..<samples.count)
                if Int.random(in: 0..<10, using: &rng) == 0 { t += 500_000 }
            }
        }

        func minT(_ chunk: Int) -> Int64 { samples[chunks[chunk].lowerBound].t }
        func maxT(_ chunk: Int) -> Int64 { samples[chunks[chunk].upperBound - 1].t }

        func rollup(fanOut: Int, from first: Int = 0) -> SummaryRollup {
            var rollup = SummaryRollup(fanOut: fanOut)
            for chunk in first..<chunks.count {
                rollup.append(ChunkSummary(samples: samples[chunks[chunk]]), minT: minT(chunk), maxT: maxT(chunk))
            }
            return rollup
        }
    }

    /// Covers `[start, end]`, checking each block against its chunks, and returns the chunk
    /// indices in the order the cover reaches them (a block's chunks, or a stretch's chunks) and the
    /// number of pieces (blocks plus chunks read one by one).
    private static func cover(
        _ series: Chunked, _ rollup: SummaryRollup, _ start: Int64, _ end: Int64
    ) -> (chunks: [Int], pieces: Int) {
        var reached: [Int] = []
        var pieces = 0
        rollup.cover(from: start, through: end) { from, through in
            #expect(from >= start && through <= end && from <= through)
            // No stretch lies between two chunks (a read that would find nothing); only before
            // the first or after the last.
            let holdsChunk = series.chunks.indices.contains { series.maxT($0) >= from && series.minT($0) <= through }
            #expect(
                holdsChunk || through < series.minT(0) || from > series.maxT(series.chunks.count - 1),
                "empty stretch \(from)...\(through) of window \(start)...\(end)")
            for chunk in series.chunks.indices where series.maxT(chunk) >= from && series.minT(chunk) <= through {
                // A chunk crosses a stretch's ends only at the window's own ends.
                #expect(series.minT(chunk) >= from || from == start)
                #expect(series.maxT(chunk) <= through || through == end)
                reached.append(chunk)
                pieces += 1
            }
        } block: { block in
            #expect(block.minT >= start && block.maxT <= end)
            let inside = series.chunks.indices.filter { series.minT($0) >= block.minT && series.maxT($0) <= block.maxT }
            #expect(inside.count == block.chunks)
            let first = inside.first ?? 0
            #expect(series.minT(first) == block.minT && series.maxT(inside.last ?? 0) == block.maxT)
            let samples = series.samples[series.chunks[first].lowerBound..<series.chunks[inside.last ?? 0].upperBound]
            #expect(block.summary == ChunkSummary(samples: samples))
            reached += inside
            pieces += 1
        }
        return (reached, pieces)
    }

    @Test(arguments: [2, 3, 4, 16])
    func coversEveryChunkOnceWithFewPieces(fanOut: Int) {
        var rng = SplitMix64(seed: UInt64(fanOut))
        for _ in 0..<30 {
            let series = Chunked(chunkCount: Int.random(in: 1...300, using: &rng), rng: &rng)
            let rollup = series.rollup(fanOut: fanOut)
            var levels = 1
            var span = fanOut
            while span < series.chunks.count {
                levels += 1
                span *= fanOut
            }
            let last = series.samples[series.samples.count - 1].t
            for _ in 0..<40 {
                // Windows whose ends fall inside chunks, on chunk (and so block) bounds, or beyond.
                let a = series.samples[Int.random(in: 0..<series.samples.count, using: &rng)].t + Int64.random(in: -1...1, using: &rng)
                let b = Bool.random(using: &rng) ? last + 1 : series.samples[Int.random(in: 0..<series.samples.count, using: &rng)].t + Int64.random(in: -1...1, using: &rng)
                let (start, end) = (min(a, b), max(a, b))
                let (reached, pieces) = Self.cover(series, rollup, start, end)
                let expected = series.chunks.indices.filter { series.maxT($0) >= start && series.minT($0) <= end }
                #expect(reached == expected, "window \(start)...\(end)")
                // Per level, fewer than `fanOut` blocks (or chunks) at each end, plus the top run.
                #expect(pieces <= 2 * levels * (fanOut - 1) + fanOut + 2, "\(pieces) pieces, \(levels) levels")
            }
        }
    }

    @Test func aLongWindowFoldsAFewDozenPieces() {
        var rng = SplitMix64(seed: 7)
        let series = Chunked(chunkCount: 1_440, rng: &rng)
        let rollup = series.rollup(fanOut: 16)
        #expect(rollup.blockCount < 1_440 / 16 + 1_440 / 256 + 3)
        let (reached, pieces) = Self.cover(series, rollup, series.minT(5) + 1, series.maxT(1_430) - 1)
        #expect(reached == Array(5...1_430))
        #expect(pieces <= 2 * 2 * 15 + 6)
    }

    @Test(arguments: [2, 5, 16])
    func afterRetentionOnlyBlocksOfRemainingChunksAreUsed(fanOut: Int) {
        var rng = SplitMix64(seed: 100 + UInt64(fanOut))
        for _ in 0..<20 {
            let series = Chunked(chunkCount: Int.random(in: 2...200, using: &rng), rng: &rng)
            var rollup = series.rollup(fanOut: fanOut)
            // Retention deleted the chunks before `oldest`; more chunks may come later.
            let oldest = Int.random(in: 1..<series.chunks.count, using: &rng)
            let appendedLater = Int.random(in: oldest...series.chunks.count, using: &rng)
            var truncated = SummaryRollup(fanOut: fanOut)
            for chunk in 0..<appendedLater {
                truncated.append(ChunkSummary(samples: series.samples[series.chunks[chunk]]), minT: series.minT(chunk), maxT: series.maxT(chunk))
            }
            truncated.removeBlocks(startingBefore: series.minT(oldest))
            for chunk in appendedLater..<series.chunks.count {
                truncated.append(ChunkSummary(samples: series.samples[series.chunks[chunk]]), minT: series.minT(chunk), maxT: series.maxT(chunk))
            }
            rollup.removeBlocks(startingBefore: series.minT(oldest))
            for trimmed in [rollup, truncated] {
                // Every chunk is still reached once (the deleted ones one by one, where the store
                // would find no row), and no block holds a deleted chunk.
                let (reached, _) = Self.cover(series, trimmed, .min, .max)
                #expect(reached == Array(series.chunks.indices))
                trimmed.cover(from: .min, through: .max) { _, _ in } block: { block in
                    #expect(block.minT >= series.minT(oldest))
                }
            }
        }
    }

    @Test func theMemoryReaderGivesRolledUpPieces() async throws {
        let reader = MemorySampleReader(chunkSize: 2, rollupFanOut: 2)
        await reader.add(["__name__": "c"], (0..<40).map { ChunkSample(t: Int64($0), v: Double($0 % 13)) })
        let pieces = try await reader.selectSummarised(matchers: [], start: 1, end: 36).first?.pieces ?? []
        let counts = pieces.map { piece -> Int in
            if case .chunk(let summary, _, _) = piece { return summary.sampleCount }
            return -1
        }
        // 1 | chunks 2-3 | blocks of 4 chunks, 8 chunks... | 36: the biggest in the middle.
        #expect(counts.max() == 16)
        #expect(pieces.count < 10)
        var expected = RangeAccumulator()
        for t in 1...36 { expected.add(t: Int64(t), v: Double(t % 13)) }
        let folded = SummarisedSeries(labels: [:], pieces: pieces).accumulate()
        #expect(folded.count == expected.count && folded.resetValues == expected.resetValues)
        #expect(folded.changes == expected.changes && folded.first == expected.first && folded.last == expected.last)
    }
}
