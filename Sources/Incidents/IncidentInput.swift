/// What can happen to an incident: its alerts fire and resolve, people acknowledge, resolve,
/// write notes and flag it.
public enum IncidentInput: Sendable, Hashable {
    /// An alert with the incident's key is firing (since its `firedAt`).
    case alertFiring(IncidentAlert)
    /// The alert with these labels stopped firing at `at`.
    case alertResolved(labels: [String: String], at: Int64)
    /// Someone acknowledged it.
    case acknowledge(by: String, at: Int64)
    /// Someone resolved it by hand.
    case resolve(by: String, at: Int64)
    /// Someone wrote a note.
    case note(author: String, text: String, at: Int64)
    /// Someone flagged it (or cleared the flag with nil).
    case flag(IncidentFlag?, by: String, at: Int64)
}
