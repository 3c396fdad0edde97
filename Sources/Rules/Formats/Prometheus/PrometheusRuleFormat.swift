/// Prometheus rule files (`groups:` of recording and alerting rules), read unchanged and validated
/// as Prometheus 2.42's `promtool check rules` does, with positions.
enum PrometheusRuleFormat {
    static func load(_ document: YAMLDocument, into context: inout LoadContext, diagnostics: inout Diagnostics) {
        guard let root = document.root, var file = MappingReader(root, what: "rule file", diagnostics: &diagnostics) else { return }
        let groupNodes = file.sequence("groups", diagnostics: &diagnostics) ?? []
        file.finish(diagnostics: &diagnostics)
        var names: [String: SourceLocation] = [:]
        for node in groupNodes {
            guard let group = loadGroup(node, document: document, diagnostics: &diagnostics) else { continue }
            if let first = names[group.name] {
                diagnostics.error(group.location, "groupname: \"\(group.name)\" is repeated in the same file (first at line \(first.line))")
                continue
            }
            names[group.name] = group.location
            context.groups.append(group)
        }
    }

    private static func loadGroup(_ node: YAMLNode, document: YAMLDocument, diagnostics: inout Diagnostics) -> RuleGroup? {
        guard var reader = MappingReader(node, what: "rule group", diagnostics: &diagnostics) else { return nil }
        let errorsBefore = diagnostics.errors.count
        let name = reader.string("name", diagnostics: &diagnostics) ?? ""
        if name.isEmpty {
            diagnostics.error(node.location, "rule group: groupname must not be empty")
        }
        let what = "group \"\(name)\""
        let interval = duration(&reader, "interval", what: what, diagnostics: &diagnostics)
        let limit = reader.int("limit", diagnostics: &diagnostics) ?? 0
        if limit < 0, let limitNode = node["limit"] {
            diagnostics.error(limitNode.location, "\(what): limit must not be negative")
        }
        let ruleNodes = reader.sequence("rules", diagnostics: &diagnostics) ?? []
        reader.finish(diagnostics: &diagnostics)
        let rules = ruleNodes.compactMap { loadRule($0, group: name, document: document, diagnostics: &diagnostics) }
        guard diagnostics.errors.count == errorsBefore else { return nil }
        return RuleGroup(name: name, interval: interval, limit: limit, rules: rules, file: document.file, location: node.location)
    }

    private static func loadRule(_ node: YAMLNode, group: String, document: YAMLDocument, diagnostics: inout Diagnostics) -> Rule? {
        guard var reader = MappingReader(node, what: "rule in group \"\(group)\"", diagnostics: &diagnostics) else { return nil }
        let errorsBefore = diagnostics.errors.count
        let record = reader.string("record", diagnostics: &diagnostics)
        let alert = reader.string("alert", diagnostics: &diagnostics)
        let ruleName = record ?? alert ?? ""
        let what = record != nil ? "recording rule \"\(ruleName)\"" : alert != nil ? "alerting rule \"\(ruleName)\"" : "rule in group \"\(group)\""
        let exprNode = reader.value("expr")
        let expr = exprNode?.scalar
        let forDuration = duration(&reader, "for", what: what, diagnostics: &diagnostics)
        let keepFiringFor = duration(&reader, "keep_firing_for", what: what, diagnostics: &diagnostics)
        let labels = reader.stringMap("labels", diagnostics: &diagnostics)
        let annotations = reader.stringMap("annotations", diagnostics: &diagnostics)
        reader.finish(diagnostics: &diagnostics)

        switch (record, alert) {
        case (nil, nil):
            diagnostics.error(node.location, "\(what): one of 'record' or 'alert' must be set")
        case (.some, .some):
            diagnostics.error(node.location, "\(what): only one of 'record' and 'alert' must be set")
        case (.some(let record), nil):
            if !Names.isValidMetricName(record), let recordNode = node["record"] {
                diagnostics.error(recordNode.location, "\(what): invalid recording rule name: \(record)")
            }
            for key in ["annotations", "for", "keep_firing_for"] where node[key] != nil {
                diagnostics.error(node[key]!.location, "\(what): invalid field '\(key)' in recording rule")
            }
        case (nil, .some(let alert)):
            if alert.isEmpty, let alertNode = node["alert"] {
                diagnostics.error(alertNode.location, "\(what): alert name must not be empty")
            }
        }
        if let exprNode {
            if let expr, !expr.trimmingWhitespace().isEmpty {
                QueryChecker.check(expr, at: exprNode.location, in: document.text, what: what, diagnostics: &diagnostics)
            } else {
                diagnostics.error(exprNode.location, "\(what): field 'expr' must be a non-empty PromQL expression")
            }
        } else {
            diagnostics.error(node.location, "\(what): field 'expr' must be set in rule")
        }
        for label in labels where !Names.isValidLabelName(label.key) {
            diagnostics.error(label.location, "\(what): invalid label name: \(label.key)")
        }
        for label in labels where label.key == "__name__" {
            diagnostics.error(label.location, "\(what): label name \"__name__\" is reserved")
        }
        for annotation in annotations where !Names.isValidLabelName(annotation.key) {
            diagnostics.error(annotation.location, "\(what): invalid annotation name: \(annotation.key)")
        }
        guard diagnostics.errors.count == errorsBefore, let expr else { return nil }
        let location = node.location
        let labelMap = Dictionary(labels.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
        if let record {
            return .recording(RecordingRule(record: record, expr: expr, labels: labelMap, location: location))
        }
        return .alerting(AlertingRule(
            alert: alert ?? "", expr: expr, for: forDuration ?? .zero, keepFiringFor: keepFiringFor ?? .zero,
            labels: labelMap, annotations: Dictionary(annotations.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 }),
            location: location))
    }

    private static func duration(_ reader: inout MappingReader, _ key: String, what: String, diagnostics: inout Diagnostics) -> Duration? {
        guard let node = reader.value(key) else { return nil }
        guard let text = node.scalar, let value = PromQLBridge.duration(text) else {
            diagnostics.error(node.location, "\(what): invalid duration for '\(key)': \"\(node.scalar ?? node.typeDescription)\" (expected e.g. 30s, 5m, 1h30m)")
            return nil
        }
        return value
    }
}
