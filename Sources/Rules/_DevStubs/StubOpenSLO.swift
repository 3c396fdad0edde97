/// OpenSLO objects collected across all files of a load, resolved once every file is read.
/// (Placeholder: the OpenSLO format fills this in.)
public struct OpenSLOCatalog: Sendable {
    /// Creates an empty catalog.
    public init() {}
}
/// OpenSLO documents. (Stub: being written.)
enum OpenSLOFormat {
    static func load(_ document: YAMLDocument, version: String, into context: inout LoadContext, diagnostics: inout Diagnostics) {}
    static func resolve(_ context: inout LoadContext, diagnostics: inout Diagnostics) {}
}
