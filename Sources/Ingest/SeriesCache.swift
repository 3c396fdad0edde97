internal import RemoteWrite
internal import Storage
internal import Synchronization

/// What the ingest path remembers of each series a sender has sent, keyed by the raw bytes of its
/// labels on the wire, as Prometheus' scrape cache remembers each scraped line's series reference.
///
/// For a series seen before, the decoder skips building and validating its labels, the filter
/// is not asked again, and the store skips the label lookup: only its samples are new work. The
/// cache is shared by concurrent requests: each decodes against a snapshot (copy-on-write, taken
/// under the lock in O(1)) and records what it learned afterwards. The filter's decision is part
/// of an entry, so the cache starts over when the filter changes (`reset`); it also starts over
/// when it holds `capacity` series, which bounds its memory when series churn.
final class SeriesCache: Sendable {
    /// One series: its labels as stored, its metric name, the filter's decision, and the store's
    /// reference once it was appended.
    struct Entry: Sendable {
        var labels: Labels
        /// The metric name's position in `Snapshot.metrics`.
        var metric: Int32
        var keep: Bool
        var ref: SeriesRef?
    }

    /// The series known at one moment.
    struct Snapshot: Sendable {
        var keys = SeriesKeyTable()
        var entries: [Entry] = []
        /// The metric names of the entries, each once.
        var metrics: [String] = []
        var metricPositions: [String: Int32] = [:]
        /// Bumped by every reset: what a request learned from an older snapshot is not recorded.
        var generation = 0
    }

    /// A series a request decoded for the first time.
    struct NewSeries {
        var key: [UInt8]
        var labels: Labels
        var metric: String
        var keep: Bool
        var ref: SeriesRef?
    }

    /// What one request learned: new series, and references the store gave known ones.
    struct Learned {
        var newKeys: [NewSeries] = []
        var refs: [(token: Int32, ref: SeriesRef)] = []
        var isEmpty: Bool { newKeys.isEmpty && refs.isEmpty }
    }

    /// The most series remembered before the cache starts over.
    let capacity: Int
    private let state = Mutex(Snapshot())

    init(capacity: Int = 1_000_000) {
        self.capacity = capacity
    }

    /// The series known now.
    func snapshot() -> Snapshot {
        state.withLock { $0 }
    }

    /// Records what a request decoded against the snapshot of `generation` learned.
    func record(_ learned: Learned, generation: Int) {
        guard !learned.isEmpty else { return }
        state.withLock { snapshot in
            guard snapshot.generation == generation else { return }
            for (token, ref) in learned.refs where Int(token) < snapshot.entries.count {
                snapshot.entries[Int(token)].ref = ref
            }
            if snapshot.entries.count + learned.newKeys.count > capacity {
                snapshot = Snapshot(generation: snapshot.generation + 1)
                return
            }
            for series in learned.newKeys {
                let token = Int(snapshot.keys.insert(series.key))
                if token == snapshot.entries.count {
                    let metric: Int32
                    if let known = snapshot.metricPositions[series.metric] {
                        metric = known
                    } else {
                        metric = Int32(snapshot.metrics.count)
                        snapshot.metrics.append(series.metric)
                        snapshot.metricPositions[series.metric] = metric
                    }
                    snapshot.entries.append(Entry(labels: series.labels, metric: metric, keep: series.keep, ref: series.ref))
                } else {
                    snapshot.entries[token].ref = series.ref ?? snapshot.entries[token].ref
                }
            }
        }
    }

    /// Forgets every series (the filter changed).
    func reset() {
        state.withLock { snapshot in
            snapshot = Snapshot(generation: snapshot.generation + 1)
        }
    }

    /// The number of series remembered.
    var count: Int { state.withLock { $0.entries.count } }
}
