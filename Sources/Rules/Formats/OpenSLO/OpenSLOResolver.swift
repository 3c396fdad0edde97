/// Resolves the references of the OpenSLO objects of one load and maps SLOs to the model.
struct OpenSLOResolver: Sendable {
    /// Every object read.
    let catalog: OpenSLOCatalog

    /// The message of a dangling reference, in the Go SDK's words:
    /// `v1.SLO 'my-slo': v1.SLI 'no-sli' referenced at 'spec.indicatorRef' does not exist`.
    static func danglingMessage(owner: OpenSLOObjectName, kind: String, reference: OpenSLOReferenceName) -> String {
        "\(owner): \(owner.other(kind: kind, name: reference.name)) referenced at '\(reference.path)' does not exist"
    }

    /// Checks what standalone objects reference: the data sources of SLIs and the conditions and
    /// targets of alert policies (reported once, at the object, however many SLOs use it).
    func checkStandaloneObjects(diagnostics: inout Diagnostics) {
        for sli in catalog.slis {
            checkSources(of: sli, diagnostics: &diagnostics)
        }
        for policy in catalog.alertPolicies {
            _ = resolve(policy, diagnostics: &diagnostics)
        }
    }

    /// Checks each metric source of `indicator`: without `type`, it must name an existing DataSource.
    /// Returns false when a problem was reported.
    @discardableResult
    func checkSources(of indicator: OpenSLOIndicator, diagnostics: inout Diagnostics) -> Bool {
        var ok = true
        for source in indicator.metric?.sources ?? [] where source.type == nil {
            guard let reference = source.reference else {
                diagnostics.error(source.location, "\(indicator.owner.at(source.path)): \"type\" is required when \"metricSourceRef\" does not name a DataSource")
                ok = false
                continue
            }
            if catalog.dataSource(named: reference.name) == nil {
                diagnostics.error(reference.location, Self.danglingMessage(owner: indicator.owner, kind: "DataSource", reference: reference))
                ok = false
            }
        }
        return ok
    }

    /// The type of a metric source: its own `type`, else its DataSource's; with where it is written.
    func sourceType(of source: OpenSLOMetricSource) -> (name: String, location: SourceLocation)? {
        if let type = source.type { return type }
        guard let reference = source.reference, let dataSource = catalog.dataSource(named: reference.name) else { return nil }
        return dataSource.type
    }

    /// Resolves a policy's condition and target references into the model, reporting dangling ones.
    /// Nil when something is missing or invalid.
    func resolve(_ policy: OpenSLOAlertPolicyDefinition, diagnostics: inout Diagnostics) -> AlertPolicy? {
        var ok = policy.isValid
        var conditions: [AlertCondition] = []
        for condition in policy.conditions {
            switch condition {
            case .inline(let inline):
                if let resolved = inline.condition, inline.isValid { conditions.append(resolved) } else { ok = false }
            case .reference(let reference):
                guard let found = catalog.alertCondition(named: reference.name) else {
                    diagnostics.error(reference.location, Self.danglingMessage(owner: policy.owner, kind: "AlertCondition", reference: reference))
                    ok = false
                    continue
                }
                if let resolved = found.condition, found.isValid { conditions.append(resolved) } else { ok = false }
            }
        }
        var targets: [String] = []
        for target in policy.targets {
            switch target {
            case .inline(let inline):
                if inline.isValid, let name = inline.metadata?.name { targets.append(name) } else { ok = false }
            case .reference(let reference):
                guard let found = catalog.notificationTarget(named: reference.name) else {
                    diagnostics.error(reference.location, Self.danglingMessage(owner: policy.owner, kind: "AlertNotificationTarget", reference: reference))
                    ok = false
                    continue
                }
                if found.isValid { targets.append(reference.name) } else { ok = false }
            }
        }
        guard ok, let name = policy.metadata?.name else { return nil }
        return AlertPolicy(
            name: name, description: policy.description, alertWhenNoData: policy.alertWhenNoData,
            alertWhenBreaching: policy.alertWhenBreaching, alertWhenResolved: policy.alertWhenResolved,
            conditions: conditions, notificationTargets: targets, location: policy.location
        )
    }

    /// Reports that `owner` is valid OpenSLO that Burnrate does not evaluate, and why.
    static func notEvaluated(_ owner: OpenSLOObjectName, _ reason: String, at location: SourceLocation, diagnostics: inout Diagnostics) {
        diagnostics.warning(location, "\(owner) is not loaded: \(reason)")
    }
}
