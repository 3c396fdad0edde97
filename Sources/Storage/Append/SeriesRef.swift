/// A handle on a stored series that an append can use instead of its labels, as Prometheus'
/// appender references let a scraper skip the label lookup for series it has seen before.
///
/// A reference is only a hint: it names the series by its id and the slot it had. When the
/// series is gone (deleted by retention) or the slot was reused, the store falls back to the
/// labels, so a stale reference costs a lookup, never a wrong series.
public struct SeriesRef: Sendable, Hashable {
    /// The series' row id.
    public let id: Int64
    /// The series' slot in the store's in-memory index when the reference was made.
    let slot: Int32

    init(id: Int64, slot: Int32) {
        self.id = id
        self.slot = slot
    }
}
