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
/// the edge chunks), in time order; never a stretch lying between two chunks it holds.
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

    /// One level's blocks, ascending, as parallel arrays (searches touch only the bounds); the
    /// last block is still being filled when `openChildren` is not 0.
    struct Level: Sendable {
        var minT: [Int64] = []
        var maxT: [Int64] = []
        var chunks: [Int] = []
        var summaries: [ChunkSummary] = []
        /// How many blocks of the level below the last block holds while it is being filled.
        var openChildren = 0

        var count: Int { minT.count }

        func block(_ index: Int) -> Block {
            Block(minT: minT[index], maxT: maxT[index], chunks: chunks[index], summary: summaries[index])
        }

        /// The index of the first block starting at or after `t`.
        func firstStarting(atOrAfter t: Int64) -> Int {
            var low = 0
            var high = minT.count
            while low < high {
                let middle = (low + high) / 2
                if minT[middle] < t { low = middle + 1 } else { high = middle }
            }
            return low
        }

        /// Starts a block with `block`, or extends the open one.
        mutating func absorb(_ block: Block) {
            if openChildren == 0 {
                minT.append(block.minT)
                maxT.append(block.maxT)
                chunks.append(block.chunks)
                summaries.append(block.summary)
            } else {
                let last = minT.count - 1
                maxT[last] = block.maxT
                chunks[last] += block.chunks
                summaries[last].append(block.summary)
            }
            openChildren += 1
        }

        /// Drops the first `count` blocks.
        mutating func removeFirst(_ count: Int) {
            minT.removeFirst(count)
            maxT.removeFirst(count)
            chunks.removeFirst(count)
            summaries.removeFirst(count)
            if minT.isEmpty { openChildren = 0 }
        }
    }

    /// How many blocks (chunks at the bottom) one block of the next level holds.
    public let fanOut: Int
    /// Level 0 holds blocks of `fanOut` chunks, level 1 blocks of `fanOut` level-0 blocks, ...
    private(set) var levels: [Level] = []
    /// The last timestamp of the last chunk appended, if any.
    public private(set) var maxT: Int64?

    /// Creates an empty rollup whose blocks hold `fanOut` (at least 2) blocks of the level below.
    public init(fanOut: Int = 8) {
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
            levels[level].absorb(carry)
            guard levels[level].openChildren == fanOut else { return }
            levels[level].openChildren = 0
            carry = levels[level].block(levels[level].count - 1)
            level += 1
        }
    }

    /// Drops every block starting before `t`: after retention deleted the chunks before the one
    /// starting at `t`, the blocks that held any of them. Later blocks keep being filled.
    public mutating func removeBlocks(startingBefore t: Int64) {
        for index in levels.indices {
            let keep = levels[index].firstStarting(atOrAfter: t)
            if keep > 0 { levels[index].removeFirst(keep) }
        }
    }

    /// Splits `[start, end]` into blocks lying wholly inside it and the stretches between them,
    /// in time order: `chunks(from, through)` for a stretch the caller reads chunk by chunk (no
    /// chunk crosses a stretch's ends except at the window's own ends), `block(b)` for a block.
    /// Chunks the rollup does not hold (appended to storage after it) fall in the last stretch.
    public func cover(
        from start: Int64, through end: Int64,
        chunks: (Int64, Int64) throws -> Void,
        block: (Block) throws -> Void
    ) rethrows {
        try cover(from: start, through: end, chunks: chunks) { minT, maxT, chunkCount, summary in
            try block(Block(minT: minT, maxT: maxT, chunks: chunkCount, summary: copy summary))
        }
    }

    /// `cover(from:through:chunks:block:)` giving each block's bounds, chunk count and summary,
    /// the summary lent from the rollup rather than copied (a summary is about 130 bytes, and a
    /// long window takes a few dozen of them).
    public func cover(
        from start: Int64, through end: Int64,
        chunks: (Int64, Int64) throws -> Void,
        summary: (_ minT: Int64, _ maxT: Int64, _ chunks: Int, _ summary: borrowing ChunkSummary) throws -> Void
    ) rethrows {
        guard start <= end else { return }
        try levels.withUnsafeBufferPointer { levels in
            try Self.cover(levels, start, end, level: levels.count - 1, chunks: chunks, summary: summary)
        }
    }

    /// The levels are read in place (no copy of a level's arrays, nor of a summary).
    private static func cover(
        _ levels: UnsafeBufferPointer<Level>, _ start: Int64, _ end: Int64, level: Int,
        chunks: (Int64, Int64) throws -> Void,
        summary: (Int64, Int64, Int, borrowing ChunkSummary) throws -> Void
    ) rethrows {
        guard level >= 0 else {
            try chunks(start, end)
            return
        }
        let first = levels[level].firstStarting(atOrAfter: start)
        var last = first
        levels[level].maxT.withUnsafeBufferPointer { maxT in
            while last < maxT.count, maxT[last] <= end { last += 1 }
        }
        guard last > first else {
            let betweenBlocks = first > 0 && levels[level].maxT[first - 1] < start
                && first < levels[level].count && levels[level].minT[first] > end
            if !betweenBlocks { try cover(levels, start, end, level: level - 1, chunks: chunks, summary: summary) }
            return
        }
        // Blocks of one level are consecutive runs of chunks: a stretch lying between two of them
        // holds no chunk and is not given (it would cost a read finding nothing).
        let blocksStart = levels[level].minT[first]
        if blocksStart > start && !(first > 0 && levels[level].maxT[first - 1] < start) {
            try cover(levels, start, blocksStart - 1, level: level - 1, chunks: chunks, summary: summary)
        }
        try levels[level].summaries.withUnsafeBufferPointer { summaries in
            for index in first..<last {
                try summary(levels[level].minT[index], levels[level].maxT[index], levels[level].chunks[index], summaries[index])
            }
        }
        let through = levels[level].maxT[last - 1]
        if through < end && !(last < levels[level].count && levels[level].minT[last] > end) {
            try cover(levels, through + 1, end, level: level - 1, chunks: chunks, summary: summary)
        }
    }
}
