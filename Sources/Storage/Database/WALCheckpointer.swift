internal import Dispatch
internal import GRDB
internal import Synchronization

/// Copies SQLite's write-ahead log into the database file on a connection and a thread of its
/// own, so that a request's commit does not wait for it.
///
/// SQLite checkpoints at commit once the log holds 1,000 pages: the committing request then
/// writes those pages again into the database file and waits for two `fsync`s. The sample store
/// tells this checkpointer about the pages it commits instead (`committed(pages:)`), and once
/// about `thresholdPages` have been committed it runs a `PASSIVE` checkpoint in the background,
/// one at a time; the writer's own automatic checkpoint stays on, at `backstopPages`, for when
/// the background one falls behind. What a commit made durable is unchanged: it is in the log,
/// which the checkpoint only copies.
///
/// A checkpoint copies the newest version of each page the log holds, once: the more commits
/// one checkpoint covers, the fewer copies of pages that every commit changes (the last leaf of
/// each series' chunks, the tables' inner pages). While the writer keeps committing, a `PASSIVE`
/// checkpoint never catches up with the end of the log, so the log only starts over from its
/// beginning after the writer's own checkpoint at `backstopPages`; that one copies what was
/// committed since the last background checkpoint, at most about `thresholdPages`, so the
/// backstop is kept several times the threshold.
final class WALCheckpointer: Sendable {
    /// Committed pages (estimated) after which a background checkpoint starts: 16 MiB of 4 KiB
    /// pages (512 before; a backfill wrote a third fewer bytes with this, see docs/ingest.md).
    static let thresholdPages = 4_096
    /// The writer connection's `wal_autocheckpoint` with a checkpointer (64 MiB of log).
    static let backstopPages = 16_384

    private struct State {
        var pendingPages = 0
        var running = false
        var completed = 0
    }

    private let connection: DatabaseQueue
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "burnrate.wal-checkpoint")

    /// Opens the checkpointer's own connection to the database file at `path`.
    init(path: String) throws {
        var configuration = Configuration()
        configuration.label = "burnrate.wal-checkpoint"
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        connection = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// The background checkpoints run to completion so far.
    var checkpoints: Int { state.withLock { $0.completed } }

    /// Copies the whole log into the database file and truncates it (`TRUNCATE`), on this
    /// checkpointer's connection and queue: after the background checkpoint running now, if
    /// any (SQLite refuses a second checkpoint while one runs, answering busy, not an error).
    /// Run on the writer's connection instead, a graceful stop of `burnrate serve` after a
    /// short ingest left the log at its full size (46 MB, in 2 runs of 2; why was not found;
    /// this way, 2 runs of 2 left none).
    func truncate() throws {
        try queue.sync {
            try connection.writeWithoutTransaction { db in
                _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
    }

    /// Counts `pages` (an estimate) as committed to the log; starts a checkpoint when enough
    /// were and none is running.
    func committed(pages: Int) {
        let start = state.withLock { state in
            state.pendingPages += pages
            guard state.pendingPages >= Self.thresholdPages, !state.running else { return false }
            state.pendingPages = 0
            state.running = true
            return true
        }
        guard start else { return }
        queue.async { [self] in
            // A failed or partial checkpoint leaves the log as it was; the next one, or the
            // writer's own at the backstop, copies it.
            try? connection.writeWithoutTransaction { db in
                _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)")
            }
            state.withLock { state in
                state.running = false
                state.completed += 1
            }
        }
    }
}
