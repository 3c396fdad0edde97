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
/// Each entry is a `DecodedChunk`, which also holds the fold of each of its tails: the window
/// edges a chunk lies across cost a lookup rather than a fold of its samples.
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

    /// A class: a lookup takes a reference, not a copy of the chunk's bytes and samples.
    private final class Entry {
        let chunk: EncodedChunk
        let decoded: DecodedChunk
        let bytes: Int
        var lastUse: UInt64

        init(chunk: EncodedChunk, decoded: DecodedChunk, bytes: Int, lastUse: UInt64) {
            (self.chunk, self.decoded, self.bytes, self.lastUse) = (chunk, decoded, bytes, lastUse)
        }
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
        try decoded(chunk, series: series, minT: minT).samples
    }

    /// `chunk`, a chunk of series `series` starting at `minT`, decoded.
    public func decoded(_ chunk: EncodedChunk, series: Int64, minT: Int64) throws(ChunkError) -> DecodedChunk {
        let key = Key(series: series, minT: minT)
        if budget > 0, let held = state.withLock({ state -> DecodedChunk? in
            guard let entry = state.entries[key], entry.chunk == chunk else { return nil }
            state.clock += 1
            entry.lastUse = state.clock
            return entry.decoded
        }) {
            return held
        }
        let decoded = try DecodedChunk(decoding: chunk)
        guard budget > 0 else { return decoded }
        let bytes = decoded.byteCount + chunk.byteCount + 96
        guard bytes <= budget / 16 else { return decoded }
        state.withLock { state in
            state.clock += 1
            if let old = state.entries.updateValue(
                Entry(chunk: chunk, decoded: decoded, bytes: bytes, lastUse: state.clock), forKey: key) {
                state.bytes -= old.bytes
            }
            state.bytes += bytes
            if state.bytes > budget { Self.evict(&state, below: budget - budget / 4) }
        }
        return decoded
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
