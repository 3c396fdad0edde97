internal import Dispatch

/// Runs a loop's iterations in a few contiguous ranges at once, on as many threads, and returns
/// when all are done: for CPU work of a store method (encoding the chunks a batch cuts) that
/// must finish before the method returns, without giving up the actor in between.
enum ParallelRanges {
    /// Calls `body` once for each of up to `parts` contiguous ranges that together cover
    /// `0..<count`, concurrently when there are two or more; `body` must only touch what its
    /// range owns.
    static func run(count: Int, parts: Int, _ body: (Range<Int>) -> Void) {
        let parts = min(max(parts, 1), count)
        guard parts > 1 else {
            if count > 0 { body(0..<count) }
            return
        }
        withoutActuallyEscaping(body) { body in
            // Unchecked: the ranges are disjoint and `body` touches only what its range owns.
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                body((count * part / parts)..<(count * (part + 1) / parts))
            }
        }
    }
}
