/// One series over several windows ending at the same time (`SampleReader.accumulate`): per
/// window, its samples there folded into a `RangeAccumulator` (empty where it has none).
public struct SeriesWindows: Sendable {
    /// The series' label set.
    public var labels: Labels
    /// One accumulator per window, in the order the windows were asked for.
    public var windows: [RangeAccumulator]

    /// Creates a series' windows.
    public init(labels: Labels, windows: [RangeAccumulator]) {
        self.labels = labels
        self.windows = windows
    }

    /// The accumulators of windows `[start, end]` for each of `starts`, from the innermost
    /// window outwards, each chunk folded once where it can be: a window's chunk part is its
    /// edge (the samples of the chunk its start falls in, and the whole chunks up to the first
    /// rolled-up block when the stretch has one), then the rest from there on, which is the
    /// stretch up to where the next inner window's rest begins, joined with that
    /// (`RangeAccumulator.append`, exact). So each window costs its edge and the summaries of its
    /// stretch, as a read of it alone would; a stretch ends where a block or a chunk begins, so
    /// its read needs no chunk at its end that a read of the whole window would not need; and the
    /// head is folded in the same way. The result is, bit for bit, what folding each window's
    /// pieces on their own gives.
    ///
    /// - `head`: the series' head samples, ascending, covering at least the widest window; a
    ///   window takes those in it newer than its newest chunk, as a read of it alone would
    ///   (a chunk cut after the head was copied may hold some of them).
    /// - `chunks(from, through, &stretch)`: gives `stretch` the chunks overlapping
    ///   `[from, through]` in time order, as a read of that range would (`SeriesPieceSink`), and
    ///   returns the last timestamp of the newest of them, nil when there is none.
    public static func accumulate(
        starts: [Int64], end: Int64, head: [ChunkSample],
        chunks: (Int64, Int64, inout Stretch) throws -> Int64?
    ) rethrows -> [RangeAccumulator] {
        var result = Array(repeating: RangeAccumulator(), count: starts.count)
        // Innermost (latest start) first.
        let order = starts.indices.sorted { starts[$0] > starts[$1] }
        // The whole chunks from `wholeFrom` to the end, folded.
        var whole = RangeAccumulator()
        var wholeFrom: Int64?
        var newestChunkT: Int64?
        var headPart = RangeAccumulator()
        var headFrom: Int64?
        var headAfter: Int64?
        for window in order {
            let start = starts[window]
            guard start <= end else { continue }
            var edge = RangeAccumulator()
            // Up to just before the inner windows' rest (nothing when that starts at the first
            // representable time).
            var through: Int64? = end
            if let wholeFrom { through = wholeFrom == .min ? nil : wholeFrom - 1 }
            if let through, start <= through {
                var stretch = Stretch(from: start)
                let newest = try chunks(start, through, &stretch)
                stretch.finish()
                if newestChunkT == nil { newestChunkT = newest }
                if let from = stretch.restFrom {
                    var rest = stretch.rest
                    rest.append(whole)
                    whole = rest
                    wholeFrom = from
                }
                edge = stretch.edge
            }
            // The head part only depends on the newest chunk, which is set once, when the first
            // stretch holding a chunk is folded; the head is folded again from the end then.
            if headAfter != newestChunkT {
                headPart = RangeAccumulator()
                headFrom = nil
                headAfter = newestChunkT
            }
            var headThrough: Int64? = end
            if let headFrom { headThrough = headFrom == .min ? nil : headFrom - 1 }
            if let headThrough, start <= headThrough {
                var part = RangeAccumulator()
                // Head samples after the newest chunk (none after one ending at the last time).
                if newestChunkT != .max {
                    let after = newestChunkT.map { $0 + 1 } ?? .min
                    part.add(contentsOf: head[head.positions(from: Swift.max(start, after), through: headThrough)])
                }
                part.append(headPart)
                headPart = part
                headFrom = start
            }
            edge.append(whole)
            edge.append(headPart)
            result[window] = edge
        }
        return result
    }

    /// The chunks of one stretch `[from, through]` as `accumulate` folds them: the window's edge
    /// (the samples of a chunk starting before `from`, and the whole chunks before the first
    /// rolled-up block if one comes), which a wider window reads again as part of its own
    /// stretch, apart from the rest, which wider windows share.
    ///
    /// A stretch also knows whether it can be reused for another start (`StretchFoldCache`): when
    /// its pieces are summaries, blocks and decoded chunks none of which reaches past the
    /// stretch, a start elsewhere in the same edge chunk (or before the first piece, when no chunk
    /// starts before `from`) reads the same pieces, all but the edge chunk's samples folded alike.
    public struct Stretch: SeriesPieceSink, Sendable {
        /// The stretch's first timestamp.
        public private(set) var from: Int64
        /// The samples at or after `from` of the chunk starting before it.
        private var edgeChunk = RangeAccumulator()
        /// The whole chunks before the first block, once a block came.
        private var wholeBeforeBlock = RangeAccumulator()
        /// The pieces after the edge, folded.
        public private(set) var rest = RangeAccumulator()
        /// The first timestamp of the first piece in `rest`, nil while it is empty.
        public private(set) var restFrom: Int64?
        /// Whole chunks after the edge chunk while no block has come: part of the edge if one
        /// comes, the start of the rest otherwise.
        private var chunks = RangeAccumulator()
        private var chunksFrom: Int64?
        /// Whether a block came.
        private var sawBlock = false
        /// The chunk starting before `from`, when it came decoded: what a reuse folds again.
        private var edgeDecoded: DecodedChunk?
        /// The first timestamp of the first piece after the edge chunk.
        private var firstPieceT: Int64?
        /// Whether every piece so far can be given again the same way for another start.
        private var reusable = true

        init(from: Int64) {
            self.from = from
        }

        /// The samples at or after `from` of the chunk starting before it, and the whole chunks
        /// before the first block when one came.
        public var edge: RangeAccumulator {
            var edge = edgeChunk
            edge.append(wholeBeforeBlock)
            return edge
        }

        public mutating func add(_ sample: ChunkSample) {
            reusable = false
            if sawBlock {
                rest.add(sample)
            } else {
                if chunksFrom == nil { chunksFrom = sample.t }
                chunks.add(sample)
            }
        }

        public mutating func add(_ samples: [ChunkSample], from: Int64, through: Int64) {
            guard let first = samples.first else { return }
            reusable = false
            fold(startingAt: first.t) { $0.add(samples, from: from, through: through) }
        }

        public mutating func add(_ chunk: DecodedChunk, from: Int64, through: Int64) {
            guard let first = chunk.samples.first, let last = chunk.samples.last else { return }
            // A stretch ending inside a chunk ends at an evaluation's time, which later reads do
            // not ask for again (they end later): not worth keeping.
            if last.t > through { reusable = false }
            if fold(startingAt: first.t, { $0.add(chunk, from: from, through: through) }) {
                if edgeDecoded != nil { reusable = false }
                edgeDecoded = chunk
            }
        }

        /// Folds a chunk's samples, the first at `firstT`, into where they belong: the rest once a
        /// block came, the edge chunk for the chunk starting before the stretch, else the whole
        /// chunks. Returns whether it was the edge chunk.
        @inline(__always) @discardableResult
        private mutating func fold(startingAt firstT: Int64, _ add: (inout RangeAccumulator) -> Void) -> Bool {
            if sawBlock {
                add(&rest)
            } else if chunksFrom == nil && firstT < from {
                add(&edgeChunk)
                return true
            } else {
                if chunksFrom == nil { chunksFrom = firstT }
                add(&chunks)
            }
            if firstPieceT == nil { firstPieceT = firstT }
            return false
        }

        public mutating func add(_ summary: ChunkSummary, minT: Int64, maxT: Int64) {
            if firstPieceT == nil { firstPieceT = minT }
            if sawBlock {
                rest.add(summary)
            } else {
                if chunksFrom == nil { chunksFrom = minT }
                chunks.add(summary)
            }
        }

        public mutating func addBlock(_ summary: ChunkSummary, minT: Int64, maxT: Int64) {
            if firstPieceT == nil { firstPieceT = minT }
            if !sawBlock {
                sawBlock = true
                wholeBeforeBlock = chunks
                chunks = RangeAccumulator()
                chunksFrom = nil
                restFrom = minT
            }
            rest.add(summary)
        }

        /// Ends the stretch: whole chunks with no block after them start the rest.
        mutating func finish() {
            guard !sawBlock, let from = chunksFrom else { return }
            restFrom = from
            rest = chunks
            chunks = RangeAccumulator()
            chunksFrom = nil
        }

        /// The starts for which this stretch, its edge chunk folded again from the start
        /// (`restarted(at:through:)`), is what reading the same chunks up to the same end gives:
        /// a start inside the edge chunk after its first sample, or, without an edge chunk, one
        /// up to the first piece. Nil when the stretch cannot be reused (a piece given as
        /// samples, a chunk reaching past it, no piece at all).
        var reusableStarts: ClosedRange<Int64>? {
            guard reusable else { return nil }
            if let edgeDecoded {
                guard let first = edgeDecoded.samples.first, let last = edgeDecoded.samples.last, first.t < last.t else { return nil }
                return (first.t + 1)...last.t
            }
            guard let firstPieceT, from <= firstPieceT else { return nil }
            return from...firstPieceT
        }

        /// The bytes the stretch holds outside itself, about: its accumulators' reset values.
        var heldBytes: Int {
            8 * (edgeChunk.resets + wholeBeforeBlock.resets + rest.resets + chunks.resets)
        }

        /// This stretch read from `start` (one of `reusableStarts`) to `through` (its end): the
        /// same pieces, the edge chunk's samples folded from `start`.
        func restarted(at start: Int64, through: Int64) -> Stretch {
            var stretch = self
            stretch.from = start
            stretch.edgeChunk = RangeAccumulator()
            if let edgeDecoded { stretch.edgeChunk.add(edgeDecoded, from: start, through: through) }
            return stretch
        }
    }
}
