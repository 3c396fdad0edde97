/// Burnrate's own `version: burnrate/v1` specs: Sloth's `prometheus/v1` plus `period`,
/// `budgeting_method`, `sli.latency`, `sli.gauge`, `group_by`, `min_events`, `alerting.no_data`
/// and `alerting.windows`. A Sloth spec with its version changed to `burnrate/v1` loads the same
/// SLOs; they carry the format `.burnrate`. See `docs/rules.md` for the field reference.
enum BurnrateFormat {
    /// Loads the SLOs of one `burnrate/v1` document into `context`.
    static func load(_ document: YAMLDocument, into context: inout LoadContext, diagnostics: inout Diagnostics) {
        guard let root = document.root,
              var reader = MappingReader(root, what: "burnrate/v1 spec", diagnostics: &diagnostics)
        else { return }
        _ = reader.value("version") // checked by DocumentFormat
        context.slos += SlothSpecReader(dialect: .burnrateV1).readSpec(&reader, diagnostics: &diagnostics)
        reader.finish(diagnostics: &diagnostics)
    }
}
