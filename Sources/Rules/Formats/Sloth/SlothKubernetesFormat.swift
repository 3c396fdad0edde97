/// Sloth's Kubernetes custom resource, `apiVersion: sloth.slok.dev/v1`, `kind: PrometheusServiceLevel`:
/// the prometheus/v1 body under `spec`, with camelCase keys (`errorQuery`, `pageAlert`, ...).
/// `metadata` and `status` are accepted and not used: SLO ids are `service-name`, as in Sloth.
enum SlothKubernetesFormat {
    /// Loads the SLOs of one `PrometheusServiceLevel` document into `context`.
    static func load(_ document: YAMLDocument, into context: inout LoadContext, diagnostics: inout Diagnostics) {
        guard let root = document.root,
              var reader = MappingReader(root, what: "PrometheusServiceLevel", diagnostics: &diagnostics)
        else { return }
        _ = reader.value("apiVersion") // checked by DocumentFormat
        _ = reader.value("kind")
        if let metadata = reader.value("metadata"), metadata.pairs == nil {
            diagnostics.error(metadata.location, "PrometheusServiceLevel: field \"metadata\" must be a mapping, got \(metadata.typeDescription)")
        }
        reader.ignore("status")
        if var spec = reader.mapping("spec", what: "PrometheusServiceLevel spec", required: true, diagnostics: &diagnostics) {
            context.slos += SlothSpecReader(dialect: .kubernetes).readSpec(&spec, diagnostics: &diagnostics)
            spec.finish(diagnostics: &diagnostics)
        }
        reader.finish(diagnostics: &diagnostics)
    }
}
