/// Where incident events go: the notification outbox in the server (an adapter over `Delivery`),
/// a memory list in tests.
///
/// `send` is called after the change is saved, in order, from the tracker's actor; an
/// implementation that can fail keeps the event itself (the outbox does) rather than throwing.
public protocol IncidentEventSink: Sendable {
    /// Takes one event.
    func send(_ event: IncidentEvent) async
}
