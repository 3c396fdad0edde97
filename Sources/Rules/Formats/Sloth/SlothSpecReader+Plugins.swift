extension SlothSpecReader {
    /// Reads Sloth's SLO plugin block (`slo_plugins`/`sloPlugins` on the spec, `plugins` on an
    /// SLO), checks it as Sloth does, and warns that Burnrate does not run it.
    func readSLOPlugins(_ key: String, from parent: inout MappingReader, diagnostics: inout Diagnostics) {
        guard var reader = parent.mapping(key, what: "\(parent.what) \(key)", diagnostics: &diagnostics) else { return }
        let overridePrevious = reader.bool("overridePrevious", diagnostics: &diagnostics) ?? false
        let chain = reader.sequence("chain", diagnostics: &diagnostics) ?? []
        if overridePrevious && chain.isEmpty {
            diagnostics.error(reader.node.location, "\(reader.what): overridePrevious is set but the chain declares no plugin")
        }
        for (index, item) in chain.enumerated() {
            guard var plugin = MappingReader(item, what: "\(reader.what).chain[\(index)]", diagnostics: &diagnostics) else { continue }
            _ = plugin.string("id", required: true, diagnostics: &diagnostics)
            _ = plugin.int("priority", diagnostics: &diagnostics)
            plugin.ignore("config")
            plugin.finish(diagnostics: &diagnostics)
        }
        reader.finish(diagnostics: &diagnostics)
        diagnostics.warning(reader.node.location, "\(reader.what): Sloth SLO plugins are not run by Burnrate; this block is ignored")
    }
}
