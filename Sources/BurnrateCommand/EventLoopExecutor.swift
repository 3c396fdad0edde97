import NIOCore
import NIOPosix
import Synchronization

/// Runs Swift concurrency's tasks on the HTTP server's event loops (NIO's singleton group,
/// which Hummingbird serves on) instead of a pool of threads of their own, for `burnrate serve`.
///
/// A request is read on an event loop, handled in a task and answered on the event loop again:
/// with a separate pool, each request wakes a pool thread and then the loop's thread, two thread
/// hand-offs through the kernel. With the tasks on the loops, a request is read, handled,
/// committed and answered on one thread. Work that blocks a thread (SQLite, rule evaluation)
/// then blocks the loop it runs on for that time, and the other connections of that loop wait;
/// CPU-heavy parts of a request (decoding a large body in parts, encoding cut chunks) run on
/// Dispatch's threads either way.
enum EventLoopExecutor {
    private static let installed = Atomic(false)

    /// Whether the tasks of this process run on the event loops.
    static var isInstalled: Bool { installed.load(ordering: .relaxed) }

    /// Makes NIO's singleton event loop group Swift concurrency's global executor. Call once, on
    /// the main thread, before any task is started.
    static func install() {
        let done = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        installed.store(done, ordering: .relaxed)
    }
}
