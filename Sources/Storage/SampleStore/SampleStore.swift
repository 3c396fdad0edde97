internal import Synchronization
public import Logging

/// The sample storage engine: series index, durable append, reads, retention and metadata over
/// the one SQLite database.
///
/// An append is one transaction: new series, one `sample_wal` row holding the batch's accepted
/// samples in a compact binary form, and the chunks it cuts. When `append` returns, everything
/// it accepted is committed and survives `kill -9`. In memory, each series has a head (the
/// samples not yet in a chunk, in contiguous arrays), cut into a chunk of the `chunks` table when
/// it reaches `samplesPerChunk` samples or `maxChunkSpan`; WAL rows are deleted once every sample
/// in them is in a chunk. `open` replays the remaining WAL rows into the heads.
///
/// The actor serialises appends, retention and the in-memory index. Reads take a snapshot of the
/// index and heads on the actor, then read chunks on one of the pool's reader connections, off
/// the actor, so they do not hold up appends. Open one store per database.
public actor SampleStore: SampleReader {
    /// The database the store lives in.
    public nonisolated let database: BurnrateDatabase
    /// The tuning in force.
    public nonisolated let configuration: SampleStoreConfiguration
    nonisolated let logger: Logger
    /// The rolled-up chunk summaries long reads use, shared by the reads off the actor.
    nonisolated let rollups = SummaryRollupCache()
    /// The runs of old chunks windows read lately (their starts), shared by the reads off the actor.
    nonisolated let chunkRuns: ChunkRunCache
    /// The decoded samples of the chunks across the edges of windows read lately.
    nonisolated let decodedChunks: DecodedChunkCache
    /// The folded stretches of windows read lately, between their starts' chunks and the next
    /// inner windows.
    nonisolated let stretchFolds: StretchFoldCache
    /// Series reads that needed chunk rows (`SampleStoreStatistics.seriesReadsFromDatabase`).
    nonisolated let seriesReadsFromDatabase = Atomic<Int>(0)

    /// Label sets to slots and the inverted index.
    var index = SeriesIndex()
    /// The slots each set of matchers selected: rules ask the same selections at every evaluation.
    var selections = SelectionCache()
    /// Per-slot state; `nil` at a free slot.
    var states: [SeriesState?] = []
    /// Slots freed by retention, reused first.
    var freeSlots: [Int32] = []
    /// The slot of each series id.
    var slotsByID: [Int64: Int32] = [:]
    /// The id the next new series gets.
    var nextSeriesID: Int64 = 1
    /// The id the next WAL row gets.
    var nextWALRowID: Int64 = 1
    /// WAL rows below this id are deleted.
    var walTrimmedBefore: Int64 = 1
    /// Samples before this time are out of bounds (the retention boundary).
    var minValidTime: Int64 = .min
    /// The newest timestamp accepted so far.
    var maxSeenT: Int64 = .min
    /// Appends since the last maintenance.
    var appendsSinceMaintenance = 0
    /// Samples accepted since the last maintenance.
    var samplesSinceMaintenance = 0
    /// The first WAL row after the last maintenance: heads appended to from it on are not idle.
    var walRowAtMaintenance: Int64 = .min
    /// Which series the batch being grouped already gave a work item (see `SlotMarks`).
    var workMarks = SlotMarks()
    /// The WAL row of deferred appends (`append(_:deferringCommit:)`), applied in memory and
    /// written by the store's next transaction or `commitDeferred()`: every deferred append until
    /// then adds its series to this one row (the output of a scheduler's wake-up is one row, not
    /// one per rule group).
    var deferredWAL: (id: Int64, record: WALRecordWriter)?
    /// Appends that took the path for stored series given newer samples (`appendInOrder`).
    var inOrderAppends = 0

    private init(database: BurnrateDatabase, configuration: SampleStoreConfiguration, logger: Logger) {
        self.database = database
        self.configuration = configuration
        self.logger = logger
        chunkRuns = ChunkRunCache(budget: configuration.chunkRunCacheBytes)
        decodedChunks = DecodedChunkCache(budget: configuration.decodedChunkCacheBytes)
        stretchFolds = StretchFoldCache(budget: configuration.stretchFoldCacheBytes)
    }

    /// Opens the sample store of `database`: loads the series index and chunk bounds, then
    /// replays the WAL rows into the heads.
    public static func open(
        database: BurnrateDatabase, configuration: SampleStoreConfiguration = SampleStoreConfiguration(), logger: Logger
    ) async throws(StorageError) -> SampleStore {
        let store = SampleStore(database: database, configuration: configuration, logger: logger)
        try await store.load()
        return store
    }

    /// Counts describing the store now.
    public func statistics() -> SampleStoreStatistics {
        var headSamples = 0
        for slot in index.allSlots { headSamples += states[Int(slot)]?.head.count ?? 0 }
        let rollupCounts = rollups.statistics()
        let stretchCounts = stretchFolds.statistics
        return SampleStoreStatistics(
            series: index.count, headSamples: headSamples, minValidTime: minValidTime,
            walRowsFrom: walTrimmedBefore, nextWALRow: nextWALRowID,
            rolledUpSeries: rollupCounts.series, rollupBlocks: rollupCounts.blocks,
            seriesReadsFromDatabase: seriesReadsFromDatabase.load(ordering: .relaxed),
            selectionsCached: selections.answered, selectionsComputed: selections.missed,
            stretchFoldsReused: stretchCounts.hits, stretchFoldsRead: stretchCounts.misses, inOrderAppends: inOrderAppends)
    }

    /// The state at a live slot.
    @inline(__always)
    func state(_ slot: Int32) -> SeriesState {
        states[Int(slot)]!
    }
}
