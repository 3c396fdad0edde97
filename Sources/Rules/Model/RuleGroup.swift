/// A Prometheus rule group: rules evaluated in order at one interval.
public struct RuleGroup: Sendable, Hashable {
    /// The group's name, unique within its file.
    public var name: String
    /// The evaluation interval; nil uses the global `evaluation_interval`.
    public var interval: Duration?
    /// At most this many alerts or series per rule; 0 means no limit.
    public var limit: Int
    /// The rules in evaluation order.
    public var rules: [Rule]
    /// The file the group is defined in.
    public var file: String
    /// Where the group is defined.
    public var location: SourceLocation

    /// Creates a group.
    public init(name: String, interval: Duration? = nil, limit: Int = 0, rules: [Rule], file: String, location: SourceLocation) {
        self.name = name
        self.interval = interval
        self.limit = limit
        self.rules = rules
        self.file = file
        self.location = location
    }
}
