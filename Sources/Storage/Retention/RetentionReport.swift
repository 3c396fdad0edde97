/// What `SampleStore.deleteBefore` removed.
public struct RetentionReport: Sendable, Hashable {
    /// The chunks deleted.
    public var chunksDeleted = 0
    /// The series deleted because nothing of them was left.
    public var seriesDeleted = 0
    /// The head samples dropped because the whole head was older than the boundary.
    public var headSamplesDropped = 0

    /// Creates an empty report.
    public init() {}
}
