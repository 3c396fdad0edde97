/// A note someone wrote on an incident.
public struct IncidentNote: Sendable, Hashable, Codable {
    /// When, in milliseconds.
    public var time: Int64
    /// Who wrote it.
    public var author: String
    /// What they wrote.
    public var text: String

    /// Creates a note.
    public init(time: Int64, author: String, text: String) {
        self.time = time
        self.author = author
        self.text = text
    }
}
