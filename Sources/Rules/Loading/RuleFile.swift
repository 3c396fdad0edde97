/// The text of one rule file and its path.
public struct RuleFile: Sendable, Hashable {
    /// The path as given or found.
    public var path: String
    /// The file's contents.
    public var contents: String

    /// Creates a rule file.
    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}
