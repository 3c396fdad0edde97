internal import Synchronization

/// The rolled-up chunk summaries (`SummaryRollup`) of the series long windows have read, by
/// series id, kept in memory and shared by the reads that run off the store's actor.
///
/// Built lazily: the first long read of a series rolls up every summary of its chunks; later
/// reads append only the chunks cut since. Sealed chunks never change, so nothing else can make a
/// block wrong but retention, which `trim` follows (and every read trims again by the bounds it
/// took from the actor, so a block holding a deleted chunk is never used). A read that finds
/// another read's newer rollup in place keeps that one.
final class SummaryRollupCache: Sendable {
    private let rollups = Mutex<[Int64: SummaryRollup]>([:])

    /// The rollup of a series, if one was built.
    func rollup(of seriesID: Int64) -> SummaryRollup? {
        rollups.withLock { $0[seriesID] }
    }

    /// Keeps `rollup` for the series unless the one in place already covers more chunks.
    func store(_ rollup: SummaryRollup, of seriesID: Int64) {
        rollups.withLock { all in
            if let current = all[seriesID]?.maxT, let new = rollup.maxT, current > new { return }
            all[seriesID] = rollup
        }
    }

    /// Follows retention: drops the blocks of a series holding chunks before its oldest one, now
    /// starting at `oldestMinT`, or the whole rollup when the series has no chunk left.
    func trim(_ seriesID: Int64, oldestMinT: Int64?) {
        rollups.withLock { all in
            guard all[seriesID] != nil else { return }
            guard let oldestMinT else {
                all[seriesID] = nil
                return
            }
            all[seriesID]!.removeBlocks(startingBefore: oldestMinT)
        }
    }

    /// The number of series with a rollup and the blocks they hold.
    func statistics() -> (series: Int, blocks: Int) {
        rollups.withLock { all in (all.count, all.values.reduce(0) { $0 + $1.blockCount }) }
    }
}
