extension SlothSpecReader {
    /// Reads an SLO's `sli`: exactly one kind among `events`, `raw`, `plugin` (and, in
    /// `burnrate/v1`, `latency` and `gauge`).
    func readSLI(_ node: YAMLNode, what: String, diagnostics: inout Diagnostics) -> SLI? {
        guard var reader = MappingReader(node, what: "\(what) sli", diagnostics: &diagnostics) else { return nil }
        var kinds = ["events", "raw", "plugin"]
        if dialect.burnrateExtensions {
            kinds += Self.burnrateOnlySLIFields
        } else {
            rejectBurnrateOnly(Self.burnrateOnlySLIFields, in: &reader, diagnostics: &diagnostics)
        }
        let present = (node.pairs ?? []).filter { pair in
            pair.key.scalar.map(kinds.contains) == true && !pair.value.isNull
        }
        let burnrateOnlyKind = !dialect.burnrateExtensions
            && (node.pairs ?? []).contains { $0.key.scalar.map(Self.burnrateOnlySLIFields.contains) == true }
        if present.isEmpty && !burnrateOnlyKind {
            diagnostics.error(node.location, "\(reader.what): an SLI kind is required: one of \(kinds.joined(separator: ", "))")
        } else if present.count > 1 {
            let names = present.compactMap(\.key.scalar)
            diagnostics.error(present[1].key.location, "\(reader.what): only one SLI kind is allowed, got \(names.joined(separator: " and "))")
        }
        var indicators: [SLI] = []
        for kind in kinds {
            guard let value = reader.value(kind) else { continue }
            let sliWhat = "\(what) sli.\(kind)"
            let indicator: SLI? = switch kind {
            case "events": readEvents(value, what: sliWhat, diagnostics: &diagnostics)
            case "raw": readRaw(value, what: sliWhat, diagnostics: &diagnostics)
            case "plugin": readPlugin(value, what: sliWhat, diagnostics: &diagnostics)
            case "latency": BurnrateFields.latency(value, what: sliWhat, diagnostics: &diagnostics)
            default: BurnrateFields.gauge(value, what: sliWhat, diagnostics: &diagnostics)
            }
            if let indicator { indicators.append(indicator) }
        }
        reader.finish(diagnostics: &diagnostics)
        return present.count == 1 ? indicators.first : nil
    }

    /// Reads `events`: an error query and a total query, both over `{{.window}}`, not identical.
    private func readEvents(_ node: YAMLNode, what: String, diagnostics: inout Diagnostics) -> SLI? {
        guard var reader = MappingReader(node, what: what, diagnostics: &diagnostics) else { return nil }
        let errors = Self.query(dialect.errorQuery, from: &reader, diagnostics: &diagnostics)
        let total = Self.query(dialect.totalQuery, from: &reader, diagnostics: &diagnostics)
        reader.finish(diagnostics: &diagnostics)
        guard let errors, let total else { return nil }
        if errors.text == total.text {
            diagnostics.error(total.location, "\(what): \(dialect.errorQuery) and \(dialect.totalQuery) must differ (Sloth rejects identical queries)")
            return nil
        }
        return .events(errors: errors, total: total)
    }

    /// Reads `raw`: one query giving the error ratio over `{{.window}}`.
    private func readRaw(_ node: YAMLNode, what: String, diagnostics: inout Diagnostics) -> SLI? {
        guard var reader = MappingReader(node, what: what, diagnostics: &diagnostics) else { return nil }
        let ratio = Self.query(dialect.errorRatioQuery, from: &reader, diagnostics: &diagnostics)
        reader.finish(diagnostics: &diagnostics)
        return ratio.map { .raw(errorRatio: $0) }
    }

    /// Reads `plugin`: an id and string options. Burnrate does not run Sloth's Go plugins, so the
    /// SLO loads with a warning and cannot be evaluated.
    private func readPlugin(_ node: YAMLNode, what: String, diagnostics: inout Diagnostics) -> SLI? {
        guard var reader = MappingReader(node, what: what, diagnostics: &diagnostics) else { return nil }
        let id = reader.string("id", required: true, diagnostics: &diagnostics)
        let options = reader.stringMap("options", diagnostics: &diagnostics)
        reader.finish(diagnostics: &diagnostics)
        guard let id else { return nil }
        diagnostics.warning(node.location, "\(what): SLI plugin \"\(id)\" is not run by Burnrate (Sloth plugins are Go code): the SLO loads but cannot be evaluated; write its query as a raw SLI instead")
        return .plugin(id: id, options: Dictionary(options.map { ($0.key, $0.value) }) { $1 })
    }

    /// Reads a query field. With `requireWindow` (every Sloth query), the text must use the
    /// `{{.window}}` placeholder, as Sloth requires; the problem is reported at the query.
    static func query(
        _ key: String, from reader: inout MappingReader, requireWindow: Bool = true, diagnostics: inout Diagnostics
    ) -> QueryTemplate? {
        guard let node = reader.value(key) else {
            diagnostics.error(reader.node.location, "\(reader.what): missing required field \"\(key)\"")
            return nil
        }
        guard let text = node.scalar else {
            diagnostics.error(node.location, "\(reader.what): field \"\(key)\" must be a PromQL query string, got \(node.typeDescription)")
            return nil
        }
        guard text.contains(where: { !$0.isWhitespace }) else {
            diagnostics.error(node.location, "\(reader.what): field \"\(key)\" must not be empty")
            return nil
        }
        let template = QueryTemplate(text, at: node.location)
        if requireWindow && !template.hasWindowPlaceholder {
            diagnostics.error(node.location, "\(reader.what): \(key) must use the {{.window}} placeholder for its range, e.g. rate(http_requests_total[{{.window}}])")
            return nil
        }
        return template
    }
}
