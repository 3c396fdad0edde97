/// OpenSLO documents: every `openslo/v1` kind (SLO, SLI, Service, DataSource, AlertPolicy,
/// AlertCondition, AlertNotificationTarget) and the `openslo/v1alpha` SLO that Sloth reads.
///
/// `load` validates one object (positions on every problem) and keeps it in the catalog; `resolve`
/// runs once after every file, resolves references across files, and maps each SLO objective to
/// one `SLO` of the model. SLOs whose data is not Prometheus are valid but reported as warnings
/// and left out, since Burnrate evaluates PromQL only.
enum OpenSLOFormat {
    /// The kinds of `openslo/v1`.
    static let v1Kinds = ["SLO", "SLI", "Service", "DataSource", "AlertPolicy", "AlertCondition", "AlertNotificationTarget"]
    /// The kinds of `openslo/v1alpha` (the Go SDK's).
    static let v1alphaKinds = ["SLO", "Service"]

    /// Validates one OpenSLO object and keeps it in `context.openSLO` until `resolve`.
    static func load(_ document: YAMLDocument, version: String, into context: inout LoadContext, diagnostics: inout Diagnostics) {
        guard let root = document.root, var reader = MappingReader(root, what: "OpenSLO object", diagnostics: &diagnostics) else { return }
        defer { reader.finish(diagnostics: &diagnostics) }
        _ = reader.string("apiVersion", diagnostics: &diagnostics)
        let short = version == "openslo/v1alpha" ? "v1alpha" : "v1"
        let kinds = short == "v1" ? v1Kinds : v1alphaKinds
        guard let kind = reader.string("kind", required: true, diagnostics: &diagnostics) else {
            reader.ignore("metadata", "spec")
            return
        }
        guard kinds.contains(kind) else {
            var message = "unsupported kind \"\(kind)\" for apiVersion \(version): expected one of \(kinds.joined(separator: ", "))"
            if let suggestion = DidYouMean.suggest(kind, from: kinds) { message += " (did you mean \"\(suggestion)\"?)" }
            diagnostics.error(valueLocation(reader, "kind"), message)
            reader.ignore("metadata", "spec")
            return
        }
        let name = OpenSLOObjectName(version: short, kind: kind, name: root["metadata"]?["name"]?.scalar)
        var catalog = context.openSLO
        switch (short, kind) {
        case ("v1", "SLO"):
            catalog.slos.append(readSLO(&reader, name: name, diagnostics: &diagnostics))
            catalog.sloOrder.append(root.location)
        case ("v1", "SLI"): catalog.slis.append(readSLI(&reader, name: name, diagnostics: &diagnostics))
        case ("v1", "AlertPolicy"): catalog.alertPolicies.append(readAlertPolicy(&reader, name: name, diagnostics: &diagnostics))
        case ("v1", "AlertCondition"): catalog.alertConditions.append(readAlertCondition(&reader, name: name, diagnostics: &diagnostics))
        case ("v1", "AlertNotificationTarget"):
            catalog.notificationTargets.append(readNotificationTarget(&reader, name: name, diagnostics: &diagnostics))
        case ("v1", "DataSource"): catalog.dataSources.append(readDataSource(&reader, name: name, diagnostics: &diagnostics))
        case ("v1alpha", "SLO"):
            catalog.v1alphaSLOs.append(readV1alphaSLO(&reader, name: name, diagnostics: &diagnostics))
            catalog.sloOrder.append(root.location)
        default: catalog.services.append(readService(&reader, name: name, diagnostics: &diagnostics))
        }
        context.openSLO = catalog
    }

    /// Resolves references across every file read and appends the resulting SLOs to `context.slos`.
    static func resolve(_ context: inout LoadContext, diagnostics: inout Diagnostics) {
        let catalog = context.openSLO
        reportDuplicateNames(catalog, diagnostics: &diagnostics)
        let resolver = OpenSLOResolver(catalog: catalog)
        var produced: [(location: SourceLocation, slos: [SLO])] = []
        resolver.checkStandaloneObjects(diagnostics: &diagnostics)
        for definition in catalog.slos {
            produced.append((definition.location, resolver.slos(for: definition, diagnostics: &diagnostics)))
        }
        for definition in catalog.v1alphaSLOs {
            produced.append((definition.location, resolver.slos(for: definition, diagnostics: &diagnostics)))
        }
        let order = Dictionary(catalog.sloOrder.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        for entry in produced.sorted(by: { (order[$0.location] ?? 0) < (order[$1.location] ?? 0) }) {
            context.slos.append(contentsOf: entry.slos)
        }
    }

    /// Reports a second object of the same version and kind with the same name, at its name: an
    /// error where references to the name would be ambiguous, a warning for a `Service` (SLOs name
    /// their service by string, and each Service object is valid on its own, as the OpenSLO Go
    /// SDK's own examples show).
    private static func reportDuplicateNames(_ catalog: OpenSLOCatalog, diagnostics: inout Diagnostics) {
        func check(_ kind: String, _ entries: [(version: String, metadata: OpenSLOMetadata?)]) {
            var seen: [String: SourceLocation] = [:]
            for entry in entries {
                guard let metadata = entry.metadata else { continue }
                let key = "\(entry.version)/\(metadata.name)"
                if let first = seen[key], kind == "Service" {
                    diagnostics.warning(metadata.nameLocation, "duplicate \(entry.version).\(kind) name '\(metadata.name)': already defined at \(first)")
                } else if let first = seen[key] {
                    diagnostics.error(metadata.nameLocation, "duplicate \(entry.version).\(kind) name '\(metadata.name)': already defined at \(first)")
                } else {
                    seen[key] = metadata.nameLocation
                }
            }
        }
        check("SLO", catalog.slos.map { ("v1", $0.metadata) } + catalog.v1alphaSLOs.map { ("v1alpha", $0.metadata) })
        check("SLI", catalog.slis.map { ("v1", $0.metadata) })
        check("AlertPolicy", catalog.alertPolicies.map { ("v1", $0.metadata) })
        check("AlertCondition", catalog.alertConditions.map { ("v1", $0.metadata) })
        check("AlertNotificationTarget", catalog.notificationTargets.map { ("v1", $0.metadata) })
        check("DataSource", catalog.dataSources.map { ("v1", $0.metadata) })
        check("Service", catalog.services.map { ($0.name.version, $0.metadata) })
    }
}
