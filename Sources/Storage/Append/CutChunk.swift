/// A chunk cut from a head, encoded and summarised, waiting to be inserted into `chunks`.
struct CutChunk: Sendable {
    /// The first timestamp.
    var minT: Int64
    /// The last timestamp.
    var maxT: Int64
    /// The number of samples, stale markers included.
    var count: Int
    /// The encoded chunk (`EncodedChunk.bytes`).
    var data: [UInt8]
    /// The serialized `ChunkSummary`, relative to the row's `count`, `min_t` and `max_t`.
    var summary: [UInt8]
    /// The value bits of the last sample.
    var lastBits: UInt64
    /// The chunk as encoded (its header parsed), and its summary: what memory keeps of it
    /// (`RecentChunks`).
    var chunk: EncodedChunk
    var decodedSummary: ChunkSummary

    /// Encodes `count` samples, ascending, given one at a time by `sample`.
    init(count: Int, sample: (Int) -> ChunkSample) {
        precondition(count > 0 && count <= ChunkEncoder.maximumSampleCount, "a chunk of \(count) samples")
        var encoder = ChunkEncoder(expectedCount: count)
        for index in 0..<count {
            do {
                try encoder.append(sample(index))
            } catch {
                preconditionFailure("head samples are ascending: \(error)")
            }
        }
        let (chunk, summary) = encoder.cut()
        let last = sample(count - 1)
        minT = chunk.header.minT
        maxT = chunk.header.maxT
        self.count = count
        data = chunk.bytes
        self.summary = summary.serialized(sampleCount: count, minT: minT, maxT: maxT)
        lastBits = last.v.bitPattern
        self.chunk = chunk
        decodedSummary = summary
    }
}
