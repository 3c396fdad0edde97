/// An `IncidentEventSink` keeping every event in memory, in order: for tests and for a server
/// without receivers.
public actor MemoryIncidentEventSink: IncidentEventSink {
    /// Every event sent, oldest first.
    public private(set) var events: [IncidentEvent] = []

    /// An empty sink.
    public init() {}

    /// Appends `event`.
    public func send(_ event: IncidentEvent) {
        events.append(event)
    }
}
