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
final class WALCheckpointer: Sendable {
    /// Committed pages (estimated) after which a background checkpoint starts.
    static let thresholdPages = 512
    /// The writer connection's `wal_autocheckpoint` with a checkpointer.
    static let backstopPages = 4_000

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
