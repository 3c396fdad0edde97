/// The state shared by the format parsers during one load: what has been read so far.
public struct LoadContext: Sendable {
    /// SLOs read so far.
    public var slos: [SLO] = []
    /// Rule groups read so far.
    public var groups: [RuleGroup] = []
    /// OpenSLO objects, kept until every file is read so references across files resolve.
    public var openSLO = OpenSLOCatalog()

    /// Creates an empty context.
    public init() {}
}
