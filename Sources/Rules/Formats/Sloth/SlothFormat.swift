/// Sloth `version: prometheus/v1` specs, read as Sloth v0.16 reads them: one service and its SLOs,
/// with snake_case keys. Each SLO becomes an `SLO` with id `service-name` and format `.sloth`.
enum SlothFormat {
    /// Loads the SLOs of one `prometheus/v1` document into `context`.
    static func load(_ document: YAMLDocument, into context: inout LoadContext, diagnostics: inout Diagnostics) {
        guard let root = document.root,
              var reader = MappingReader(root, what: "Sloth prometheus/v1 spec", diagnostics: &diagnostics)
        else { return }
        _ = reader.value("version") // checked by DocumentFormat
        context.slos += SlothSpecReader(dialect: .prometheusV1).readSpec(&reader, diagnostics: &diagnostics)
        reader.finish(diagnostics: &diagnostics)
    }
}
