extension OpenSLOFormat {
    /// Reads a standalone `kind: SLI`.
    static func readSLI(_ root: inout MappingReader, name: OpenSLOObjectName, diagnostics: inout Diagnostics) -> OpenSLOIndicator {
        let before = diagnostics.errors.count
        let metadata = readMetadata(&root, object: name, diagnostics: &diagnostics)
        var indicator = OpenSLOIndicator(metadata: metadata, metric: nil, owner: name, path: "", location: root.node.location, isValid: true)
        if var spec = root.mapping("spec", what: name.at("spec"), required: true, diagnostics: &diagnostics) {
            indicator.metric = readSLISpec(&spec, owner: name, path: "spec", diagnostics: &diagnostics)
            spec.finish(diagnostics: &diagnostics)
        }
        indicator.isValid = diagnostics.errors.count == before
        return indicator
    }

    /// Reads an inline `indicator` (`metadata` and `spec`) at `path` of `owner`.
    static func readInlineIndicator(_ node: YAMLNode, owner: OpenSLOObjectName, path: String, diagnostics: inout Diagnostics) -> OpenSLOIndicator? {
        let before = diagnostics.errors.count
        guard var reader = MappingReader(node, what: owner.at(path), diagnostics: &diagnostics) else { return nil }
        let metadata = readMetadata(&reader, object: owner, path: path, diagnostics: &diagnostics)
        var indicator = OpenSLOIndicator(metadata: metadata, metric: nil, owner: owner, path: path, location: node.location, isValid: true)
        if var spec = reader.mapping("spec", what: owner.at("\(path).spec"), required: true, diagnostics: &diagnostics) {
            indicator.metric = readSLISpec(&spec, owner: owner, path: "\(path).spec", diagnostics: &diagnostics)
            spec.finish(diagnostics: &diagnostics)
        }
        reader.finish(diagnostics: &diagnostics)
        indicator.isValid = diagnostics.errors.count == before
        return indicator
    }

    /// Reads an SLI `spec`: exactly one of `thresholdMetric` and `ratioMetric`.
    private static func readSLISpec(_ spec: inout MappingReader, owner: OpenSLOObjectName, path: String, diagnostics: inout Diagnostics) -> OpenSLOIndicator.Metric? {
        _ = readDescription(&spec, diagnostics: &diagnostics)
        requireExactlyOne(spec, "thresholdMetric", "ratioMetric", diagnostics: &diagnostics)
        var metric: OpenSLOIndicator.Metric?
        if var threshold = spec.mapping("thresholdMetric", what: owner.at("\(path).thresholdMetric"), diagnostics: &diagnostics) {
            if let source = readMetricSpec(&threshold, owner: owner, path: "\(path).thresholdMetric", diagnostics: &diagnostics) {
                metric = .threshold(source)
            }
            threshold.finish(diagnostics: &diagnostics)
        }
        if var ratio = spec.mapping("ratioMetric", what: owner.at("\(path).ratioMetric"), diagnostics: &diagnostics) {
            let ratioMetric = readRatioMetric(&ratio, owner: owner, path: "\(path).ratioMetric", diagnostics: &diagnostics)
            ratio.finish(diagnostics: &diagnostics)
            if metric == nil { metric = ratioMetric }
        }
        return metric
    }

    /// Reads a `ratioMetric`: `good` or `bad` with `total`, or `raw` with `rawType`.
    private static func readRatioMetric(_ ratio: inout MappingReader, owner: OpenSLOObjectName, path: String, diagnostics: inout Diagnostics) -> OpenSLOIndicator.Metric? {
        let counter = ratio.bool("counter", diagnostics: &diagnostics) ?? true
        requireExactlyOne(ratio, "total", "raw", diagnostics: &diagnostics)
        func source(_ key: String, _ ratio: inout MappingReader, diagnostics: inout Diagnostics) -> OpenSLOMetricSource? {
            guard var reader = ratio.mapping(key, what: owner.at("\(path).\(key)"), diagnostics: &diagnostics) else { return nil }
            defer { reader.finish(diagnostics: &diagnostics) }
            return readMetricSpec(&reader, owner: owner, path: "\(path).\(key)", diagnostics: &diagnostics)
        }
        if ratio.has("raw") {
            for key in ["good", "bad"] {
                forbid(ratio, key, because: "together with \"raw\"", diagnostics: &diagnostics)
            }
            let rawType = ratio.string("rawType", required: true, diagnostics: &diagnostics)
            if let rawType, rawType != "success", rawType != "failure" {
                diagnostics.error(valueLocation(ratio, "rawType"), "\(ratio.what): \"rawType\" must be success or failure, got \"\(rawType)\"")
            }
            let raw = source("raw", &ratio, diagnostics: &diagnostics)
            ratio.ignore("good", "bad", "total")
            guard let raw, let rawType, rawType == "success" || rawType == "failure" else { return nil }
            return .raw(isSuccess: rawType == "success", raw)
        }
        forbid(ratio, "rawType", because: "without \"raw\" (good or bad already says which ratio it is)", diagnostics: &diagnostics)
        switch (ratio.has("good"), ratio.has("bad")) {
        case (true, true):
            diagnostics.error(keyLocation(ratio, "bad"), "\(ratio.what): exactly one of \"good\" and \"bad\" must be given with \"total\", not both")
        case (false, false) where ratio.has("total"):
            diagnostics.error(ratio.node.location, "\(ratio.what): one of \"good\" or \"bad\" must be given with \"total\"")
        default: break
        }
        let good = source("good", &ratio, diagnostics: &diagnostics)
        let bad = source("bad", &ratio, diagnostics: &diagnostics)
        let total = source("total", &ratio, diagnostics: &diagnostics)
        ratio.ignore("rawType")
        guard let total, let numerator = good ?? bad else { return nil }
        return .ratio(counter: counter, numerator: numerator, isBad: good == nil, total: total)
    }

    /// Reads the mapping holding `metricSource` (a thresholdMetric, good, bad, total or raw).
    private static func readMetricSpec(_ reader: inout MappingReader, owner: OpenSLOObjectName, path: String, diagnostics: inout Diagnostics) -> OpenSLOMetricSource? {
        guard var source = reader.mapping("metricSource", what: owner.at("\(path).metricSource"), required: true, diagnostics: &diagnostics) else {
            return nil
        }
        defer { source.finish(diagnostics: &diagnostics) }
        let sourcePath = "\(path).metricSource"
        if source.has("dataSourceRef") {
            source.ignore("dataSourceRef")
            diagnostics.error(keyLocation(source, "dataSourceRef"), "\(source.what): \"dataSourceRef\" is OpenSLO v2alpha; openslo/v1 names a DataSource with \"metricSourceRef\"")
        }
        var result = OpenSLOMetricSource(reference: nil, type: nil, query: nil, location: source.node.location, path: sourcePath)
        if let ref = source.string("metricSourceRef", diagnostics: &diagnostics), !ref.isEmpty {
            let location = valueLocation(source, "metricSourceRef")
            if !OpenSLOName.isDNSLabel(ref) {
                diagnostics.error(location, "\(source.what): \"metricSourceRef\" value \"\(ref)\" is not \(OpenSLOName.dnsLabelRule)")
            }
            result.reference = OpenSLOReferenceName(name: ref, location: location, path: "\(sourcePath).metricSourceRef")
        }
        if let type = source.string("type", diagnostics: &diagnostics), !type.isEmpty {
            result.type = (type, valueLocation(source, "type"))
        }
        // `spec` holds whatever the data source needs; only a Prometheus query is read from it.
        guard let spec = source.value("spec") else {
            diagnostics.error(source.node.location, "\(source.what): missing required field \"spec\"")
            return result
        }
        guard let pairs = spec.pairs, !pairs.isEmpty else {
            diagnostics.error(spec.location, "\(source.what): \"spec\" must be a mapping with at least one field, got \(spec.typeDescription)")
            return result
        }
        for key in ["query", "promql"] {
            if let node = spec[key], let text = node.scalar, !node.isNull {
                result.query = QueryTemplate(text, at: node.location)
                break
            }
        }
        return result
    }
}
