/// What the caller does after an `IncidentInput`: nothing, save the incident, save it and send
/// an event, or refuse the request.
public enum IncidentAction: Sendable, Hashable {
    /// Nothing changed.
    case none
    /// The incident changed: save it.
    case save
    /// The incident changed in a way receivers hear about: save it and send the event.
    case announce(IncidentEventKind)
    /// Not possible in the incident's state; the reason in words.
    case refuse(String)
}
