/// Counts describing a `SampleStore`, for `/metrics` and tests.
public struct SampleStoreStatistics: Sendable, Hashable {
    /// The number of live series.
    public var series: Int
    /// The samples in heads (not yet in chunks).
    public var headSamples: Int
    /// The retention boundary: samples before it are out of bounds (`Int64.min` when none).
    public var minValidTime: Int64
    /// The oldest WAL row id that may still exist.
    public var walRowsFrom: Int64
    /// The id the next WAL row gets.
    public var nextWALRow: Int64
    /// The series whose rolled-up summaries long reads keep in memory.
    public var rolledUpSeries = 0
    /// The blocks those rollups hold (about 160 bytes each).
    public var rollupBlocks = 0
    /// Series reads since the store opened that needed chunk rows from the database (the rest
    /// were answered from memory: heads, `RecentChunks`, `ChunkRunCache`, rollups).
    public var seriesReadsFromDatabase = 0
    /// Selections (sets of matchers) since the store opened answered from the selection cache…
    public var selectionsCached = 0
    /// …and those worked out from the series index (first asked, or a new series may have
    /// changed them).
    public var selectionsComputed = 0
    /// Window stretches since the store opened whose fold a read found kept
    /// (`StretchFoldCache`)…
    public var stretchFoldsReused = 0
    /// …and those it folded from chunks and blocks.
    public var stretchFoldsRead = 0
    /// Appends since the store opened that took the path for the commonest batch: every entry
    /// a stored series given once, with samples all newer than its newest (`appendInOrder`).
    public var inOrderAppends = 0
}
