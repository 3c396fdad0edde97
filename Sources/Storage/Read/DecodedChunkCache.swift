internal import Synchronization

/// The decoded samples of the chunks that lately lay across the edge of a window read.
///
/// A window read as summaries (`SampleReader.selectSummarised`) decodes only the chunks crossing
/// its start and end, but it decodes them at every read: every window of every rule over the
/// series, at every evaluation, while a window sliding forward by an evaluation interval keeps
/// starting inside the same chunk for as long as the chunk spans (an hour at 15 s). Kept here,
/// such a chunk is decoded once; each read then takes the samples inside its window by binary
/// search.
///
/// An entry is found by series and first timestamp and used only when its chunk is equal, byte
/// for byte, to the one asked for, so a chunk rewritten under the same key is decoded afresh.
/// When the samples held would exceed the byte budget, the least recently used go until a
/// quarter of it is free; chunks retention deleted are never asked for again and go that way.
public final class DecodedChunkCache: Sendable {
    private struct Key: Hashable {
        var series: Int64
        var minT: Int64
    }

    private struct Entry {
        var chunk: EncodedChunk
        var samples: [ChunkSample]
        var bytes: Int
        var lastUse: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    private let budget: Int
    private let state = Mutex(State())

    /// A cache holding at most about `budget` bytes of samples (0 keeps nothing).
    public init(budget: Int) {
        self.budget = max(budget, 0)
    }

    /// The samples of `chunk`, a chunk of series `series` starting at `minT`, ascending.
    public func samples(of chunk: EncodedChunk, series: Int64, minT: Int64) throws(ChunkError) -> [ChunkSample] {
        let key = Key(series: series, minT: minT)
        if budget > 0, let held = state.withLock({ state -> [ChunkSample]? in
            guard let entry = state.entries[key], entry.chunk == chunk else { return nil }
            state.clock += 1
            state.entries[key]!.lastUse = state.clock
            return entry.samples
        }) {
            return held
        }
        var samples: [ChunkSample] = []
        samples.reserveCapacity(chunk.count)
        var iterator = chunk.makeIterator()
        while let sample = try iterator.next() { samples.append(sample) }
        guard budget > 0 else { return samples }
        let bytes = samples.capacity * MemoryLayout<ChunkSample>.stride + chunk.byteCount + 96
        guard bytes <= budget / 16 else { return samples }
        state.withLock { state in
            state.clock += 1
            if let old = state.entries.updateValue(
                Entry(chunk: chunk, samples: samples, bytes: bytes, lastUse: state.clock), forKey: key) {
                state.bytes -= old.bytes
            }
            state.bytes += bytes
            if state.bytes > budget { Self.evict(&state, below: budget - budget / 4) }
        }
        return samples
    }

    /// The number of chunks held and their bytes.
    public var statistics: (chunks: Int, bytes: Int) {
        state.withLock { ($0.entries.count, $0.bytes) }
    }

    /// Drops the least recently used entries until at most `limit` bytes are held.
    private static func evict(_ state: inout State, below limit: Int) {
        let byAge = state.entries.sorted { $0.value.lastUse < $1.value.lastUse }
        for (key, entry) in byAge {
            guard state.bytes > limit else { break }
            state.entries[key] = nil
            state.bytes -= entry.bytes
        }
    }
}
