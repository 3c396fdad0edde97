/// A failure of a test helper (a process or the sink), with what happened.
public struct SinkError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
