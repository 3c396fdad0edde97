internal import Foundation

/// The tuning of a `SampleStore`; the defaults follow Prometheus' head, with longer chunks.
public struct SampleStoreConfiguration: Sendable, Hashable {
    /// A head is cut into a chunk before it would hold more samples than this (default 240, an
    /// hour at 15 s; Prometheus cuts at 120). Longer chunks cost fewer bytes a sample (the
    /// per-chunk header, summary and row are shared by more samples: about 1.2 bytes a 15 s
    /// counter sample on disk at 240, 1.5 at 120) and less CPU to cut; they keep more samples
    /// in memory and in WAL rows until cut, and a window's edge chunks decode more samples.
    public var samplesPerChunk: Int
    /// A head is cut before a sample that would make it span more than this many milliseconds,
    /// so no chunk spans more (default 2 h, Prometheus' block range).
    public var maxChunkSpan: Int64
    /// At maintenance, a head whose newest sample is this many milliseconds behind the newest
    /// sample the store has seen is cut, so idle series do not keep old WAL rows (default 1 h);
    /// not while the series is appended to between maintenances (a backfill: behind, not idle).
    public var idleHeadCutAfter: Int64
    /// Maintenance (idle cuts, deleting WAL rows already in chunks) runs after this many appends,
    /// and once at least as many samples as there are series were appended since the last time
    /// (it visits every series, so its cost per sample stays bounded however many series there are).
    public var maintenanceInterval: Int
    /// A series given several samples per append (a backfill, a sender catching up after an
    /// outage) keeps up to this many complete chunks in its head and cuts them in one append
    /// (default 1; `SampleStoreConfiguration.service`, what `burnrate serve` runs with, 4): each chunk cut inserts a row into the series' last page of the `chunks`
    /// table, and a transaction rewrites that whole page (4 KiB in SQLite's log, then in the
    /// database file) however many rows it gained, so rows written together cost that page
    /// once. Series appended one sample at a time (live scrapes, rule output) cut each chunk as
    /// it fills. 1 cuts every chunk at once. The chunks are the same either way; the head, and
    /// the WAL rows that hold its samples, keep up to this many chunks' samples more.
    public var chunksPerWrite: Int
    /// At most this many rejections are listed in an `AppendReport` (all are counted).
    public var reportedRejections: Int
    /// Chunks ending within this many milliseconds of a series' newest chunk stay in memory
    /// (`RecentChunks`) besides being stored, so that reading a window that recent touches no
    /// database row (default 8 h: Sloth's windows up to 6 h, with the 30 minutes a rule
    /// evaluation may look back and a chunk of slack; about 0.5 KB a chunk, so 4 KB a series at
    /// one sample every 15 s). Zero keeps none.
    public var recentChunkSpan: Int64
    /// At most this many bytes of older chunks that windows read lately stay in memory
    /// (`ChunkRunCache`; default 64 MiB): the start of a long window slides over the same few
    /// chunks evaluation after evaluation. Zero keeps none.
    public var chunkRunCacheBytes: Int
    /// At most about this many bytes of decoded samples of the chunks lying across the edges of
    /// windows read lately stay in memory (`DecodedChunkCache`; default 96 MiB, about 7 KB a
    /// chunk of 240 samples with the folds of its tails): a window's start stays inside the same
    /// chunk for as long as the chunk spans, and every window of every rule over a series ends in
    /// the same one. Rules read in the same order at every evaluation, so a budget below what
    /// they need keeps almost nothing useful (each chunk is evicted before its next use): 1,000
    /// SLOs of 60-second data read about 8,000 edge chunks, some 55 MB. Zero keeps none.
    public var decodedChunkCacheBytes: Int
    /// At most about this many bytes of folded window stretches stay in memory between reads
    /// (`StretchFoldCache`; default 24 MiB, about 700 bytes a window of a series): a window's
    /// stretch of whole chunks and blocks stays the same while its start moves through one chunk,
    /// so each evaluation then folds only the samples of that chunk. 1,000 SLOs read some 16,000
    /// such stretches. Zero keeps none.
    public var stretchFoldCacheBytes: Int
    /// The chunks one append or maintenance cuts are encoded on up to this many threads at once
    /// (default, and `nil`: the processors, at most 4) when they hold at least
    /// `minimumSamplesPerEncodingThread` samples per thread; 1 encodes them on the store's own.
    /// The chunks are the same either way.
    public var cutEncodingParallelism: Int
    /// The fewest samples of cut chunks worth a thread of their own (starting one costs about
    /// as much as encoding a few hundred samples).
    static let minimumSamplesPerEncodingThread = 2_048

    /// Creates a configuration; `samplesPerChunk` is clamped to `1...ChunkEncoder.maximumSampleCount`.
    public init(
        samplesPerChunk: Int = 240,
        maxChunkSpan: Int64 = 2 * 3_600_000,
        idleHeadCutAfter: Int64 = 3_600_000,
        maintenanceInterval: Int = 16,
        chunksPerWrite: Int = 1,
        reportedRejections: Int = 10,
        recentChunkSpan: Int64 = 8 * 3_600_000,
        chunkRunCacheBytes: Int = 64 << 20,
        decodedChunkCacheBytes: Int = 96 << 20,
        stretchFoldCacheBytes: Int = 24 << 20,
        cutEncodingParallelism: Int? = nil
    ) {
        self.samplesPerChunk = min(max(samplesPerChunk, 1), ChunkEncoder.maximumSampleCount)
        self.maxChunkSpan = max(maxChunkSpan, 0)
        self.idleHeadCutAfter = max(idleHeadCutAfter, 0)
        self.maintenanceInterval = max(maintenanceInterval, 1)
        self.chunksPerWrite = max(chunksPerWrite, 1)
        self.reportedRejections = max(reportedRejections, 0)
        self.recentChunkSpan = max(recentChunkSpan, 0)
        self.chunkRunCacheBytes = max(chunkRunCacheBytes, 0)
        self.decodedChunkCacheBytes = max(decodedChunkCacheBytes, 0)
        self.stretchFoldCacheBytes = max(stretchFoldCacheBytes, 0)
        self.cutEncodingParallelism = max(cutEncodingParallelism ?? min(4, ProcessInfo.processInfo.activeProcessorCount), 1)
    }

    /// What `burnrate serve` runs with: the defaults, except that series given several samples
    /// per append write their complete chunks 4 at a time (`chunksPerWrite`).
    public static let service = SampleStoreConfiguration(chunksPerWrite: 4)
}
