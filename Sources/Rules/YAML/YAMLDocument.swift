/// One document of a YAML file (files may hold several, separated by `---`).
public struct YAMLDocument: Sendable {
    /// The path of the file it came from.
    public var file: String
    /// The document's index in its file, from 0.
    public var index: Int
    /// The root node; nil for an empty document.
    public var root: YAMLNode?
    /// The whole text of the file, to map positions inside scalars (e.g. a PromQL error in a
    /// block scalar) back to file lines and columns.
    public var text: String

    /// Creates a document.
    public init(file: String, index: Int, root: YAMLNode?, text: String) {
        self.file = file
        self.index = index
        self.root = root
        self.text = text
    }
}
