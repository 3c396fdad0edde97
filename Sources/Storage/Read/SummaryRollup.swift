/// Summaries of runs of consecutive chunks of one series, in levels (blocks of `fanOut` chunks,
/// of `fanOut` such blocks, and so on), so that a long window folds a few dozen block summaries
/// instead of one summary per chunk.
///
/// Each block's summary is its chunks' summaries joined with `ChunkSummary.append(_:)`, which
/// is exact: a block summary is, bit for bit, the summary of its samples, so folding blocks gives
/// what folding the chunks (or every sample) gives. Chunks are appended in time order; a level's
/// last block may be incomplete (a running summary of the chunks since its start), and is used
/// like a complete one. Sealed chunks never change, so only retention invalidates blocks:
/// `removeBlocks(startingBefore:)` drops those holding a deleted chunk.
///
/// `cover(from:through:chunks:block:)` splits a window into the blocks lying wholly inside it and
/// the stretches left to the chunk level (at most `fanOut - 1` chunks per level at each end, plus
/// the edge chunks), in time order.
public struct SummaryRollup: Sendable {
    /// A run of consecutive chunks and their joint summary.
    public struct Block: Sendable, Hashable {
        /// The first timestamp of the first chunk (stale markers included).
        public var minT: Int64
        /// The last timestamp of the last chunk (stale markers included).
        public var maxT: Int64
        /// The number of chunks in the run.
        public var chunks: Int
        /// The summary of every sample of those chunks.
        public var summary: ChunkSummary

        /// Creates a block.
        public init(minT: Int64, maxT: Int64, chunks: Int, summary: ChunkSummary) {
            self.minT = minT
            self.maxT = maxT
            self.chunks = chunks
            self.summary = summary
        }

        /// Extends the block with the run that follows it.
        mutating func append(_ next: Block) {
            maxT = next.maxT
            chunks += next.chunks
            summary.append(next.summary)
        }
    }

    /// One level: its complete blocks, then the incomplete one being filled.
    struct Level: Sendable {
        /// The complete blocks, ascending.
        var blocks: [Block] = []
        /// The incomplete last block, and how many blocks of the level below it holds.
        var open: Block?
        var openChildren = 0

        /// The number of blocks, the open one included.
        var count: Int { blocks.count + (open == nil ? 0 : 1) }

        subscript(index: Int) -> Block {
            index < blocks.count ? blocks[index] : open!
        }

        /// The index of the first block starting at or after `t`.
        func firstStarting(atOrAfter t: Int64) -> Int {
            var low = 0
            var high = count
            while low < high {
                let middle = (low + high) / 2
                if self[middle].minT < t { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }

    /// How many blocks (chunks at the bottom) one block of the next level holds.
    public let fanOut: Int
    /// Level 0 holds blocks of `fanOut` chunks, level 1 blocks of `fanOut` level-0 blocks, ...
    private(set) var levels: [Level] = []
    /// The last timestamp of the last chunk appended, if any.
    public private(set) var maxT: Int64?

    /// Creates an empty rollup whose blocks hold `fanOut` (at least 2) blocks of the level below.
    public init(fanOut: Int = 16) {
        self.fanOut = Swift.max(2, fanOut)
    }

    /// The number of blocks held, open ones included (what the rollup costs in memory).
    public var blockCount: Int {
        levels.reduce(0) { $0 + $1.count }
    }

    /// Appends the next chunk of the series, after every chunk appended so far.
    public mutating func append(_ summary: ChunkSummary, minT: Int64, maxT: Int64) {
        precondition(self.maxT.map { minT > $0 } ?? true, "chunks are appended in time order")
        self.maxT = maxT
        var carry = Block(minT: minT, maxT: maxT, chunks: 1, summary: summary)
        var level = 0
        while true {
            if level == levels.count { levels.append(Level()) }
            if levels[level].open == nil {
                levels[level].open = carry
            } else {
                levels[level].open!.append(carry)
            }
            levels[level].openChildren += 1
            guard levels[level].openChildren == fanOut else { return }
            carry = levels[level].open!
            levels[level].blocks.append(carry)
            levels[level].open = nil
            levels[level].openChildren = 0
            level += 1
        }
    }

    /// Drops every block starting before `t`: after retention deleted the chunks before the one
    /// starting at `t`, the blocks that held any of them. Later blocks keep being filled.
    public mutating func removeBlocks(startingBefore t: Int64) {
        for index in levels.indices {
            let keep = levels[index].blocks.firstIndex { $0.minT >= t } ?? levels[index].blocks.count
            if keep > 0 { levels[index].blocks.removeFirst(keep) }
            if let open = levels[index].open, open.minT < t {
                levels[index].open = nil
                levels[index].openChildren = 0
            }
        }
    }

    /// Splits `[start, end]` into blocks lying wholly inside it and the stretches between them,
    /// in time order: `chunks(from, through)` for a stretch the caller reads chunk by chunk (no
    /// chunk crosses a stretch's ends except at the window's own ends), `block(b)` for a block.
    /// Chunks the rollup does not hold (appended to storage after it) fall in the last stretch.
    public func cover<Failure: Error>(
        from start: Int64, through end: Int64,
        chunks: (Int64, Int64) throws(Failure) -> Void,
        block: (Block) throws(Failure) -> Void
    ) throws(Failure) {
        guard start <= end else { return }
        try cover(start, end, level: levels.count - 1, chunks: chunks, block: block)
    }

    private func cover<Failure: Error>(
        _ start: Int64, _ end: Int64, level: Int,
        chunks: (Int64, Int64) throws(Failure) -> Void,
        block: (Block) throws(Failure) -> Void
    ) throws(Failure) {
        guard level >= 0 else {
            try chunks(start, end)
            return
        }
        let blocks = levels[level]
        let first = blocks.firstStarting(atOrAfter: start)
        var last = first
        while last < blocks.count, blocks[last].maxT <= end { last += 1 }
        guard last > first else {
            try cover(start, end, level: level - 1, chunks: chunks, block: block)
            return
        }
        if blocks[first].minT > start {
            try cover(start, blocks[first].minT - 1, level: level - 1, chunks: chunks, block: block)
        }
        for index in first..<last { try block(blocks[index]) }
        let through = blocks[last - 1].maxT
        if through < end {
            try cover(through + 1, end, level: level - 1, chunks: chunks, block: block)
        }
    }
}
