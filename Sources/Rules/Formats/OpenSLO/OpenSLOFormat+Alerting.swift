extension OpenSLOFormat {
    /// Reads a standalone `kind: AlertPolicy`.
    static func readAlertPolicy(_ root: inout MappingReader, name: OpenSLOObjectName, diagnostics: inout Diagnostics) -> OpenSLOAlertPolicyDefinition {
        let before = diagnostics.errors.count
        let metadata = readMetadata(&root, object: name, diagnostics: &diagnostics)
        var policy = readAlertPolicySpec(&root, owner: name, path: "", metadata: metadata, diagnostics: &diagnostics)
        policy.isValid = diagnostics.errors.count == before
        return policy
    }

    /// Reads one entry of an SLO's `alertPolicies`: `alertPolicyRef`, or an inline `kind: AlertPolicy`.
    static func readSLOAlertPolicy(_ node: YAMLNode, owner: OpenSLOObjectName, path: String, diagnostics: inout Diagnostics) -> OpenSLOReference<OpenSLOAlertPolicyDefinition>? {
        guard var reader = MappingReader(node, what: owner.at(path), diagnostics: &diagnostics) else { return nil }
        defer { reader.finish(diagnostics: &diagnostics) }
        if reader.has("alertPolicyRef") {
            for key in ["kind", "metadata", "spec"] {
                forbid(reader, key, because: "together with \"alertPolicyRef\" (a policy is either referenced or inline)", diagnostics: &diagnostics)
                reader.ignore(key)
            }
            return readReference(&reader, "alertPolicyRef", path: path, diagnostics: &diagnostics).map { .reference($0) }
        }
        let before = diagnostics.errors.count
        readInlineKind(&reader, expected: "AlertPolicy", reference: "alertPolicyRef", diagnostics: &diagnostics)
        let metadata = readMetadata(&reader, object: owner, path: path, diagnostics: &diagnostics)
        var policy = readAlertPolicySpec(&reader, owner: owner, path: path, metadata: metadata, diagnostics: &diagnostics)
        policy.isValid = diagnostics.errors.count == before
        return .inline(policy)
    }

    /// `kind` of an inline object: required and equal to `expected`.
    private static func readInlineKind(_ reader: inout MappingReader, expected: String, reference: String, diagnostics: inout Diagnostics) {
        guard reader.has("kind") || reader.has("metadata") || reader.has("spec") else {
            _ = reader.value("kind")
            diagnostics.error(reader.node.location, "\(reader.what): expected \"\(reference)\" or an inline \(expected) (kind, metadata, spec)")
            return
        }
        guard let kind = reader.string("kind", required: true, diagnostics: &diagnostics) else { return }
        if kind != expected {
            diagnostics.error(valueLocation(reader, "kind"), "\(reader.what): \"kind\" must be \(expected), got \"\(kind)\"")
        }
    }

    /// Reads an AlertPolicy's `spec` from `reader` (the policy's own mapping).
    private static func readAlertPolicySpec(_ reader: inout MappingReader, owner: OpenSLOObjectName, path: String, metadata: OpenSLOMetadata?, diagnostics: inout Diagnostics) -> OpenSLOAlertPolicyDefinition {
        var policy = OpenSLOAlertPolicyDefinition(
            owner: owner, path: path, metadata: metadata, description: "", alertWhenNoData: false, alertWhenBreaching: true,
            alertWhenResolved: false, conditions: [], targets: [], location: reader.node.location, isValid: true
        )
        let specPath = path.isEmpty ? "spec" : "\(path).spec"
        guard var spec = reader.mapping("spec", what: owner.at(specPath), required: true, diagnostics: &diagnostics) else { return policy }
        defer { spec.finish(diagnostics: &diagnostics) }
        policy.description = readDescription(&spec, diagnostics: &diagnostics)
        policy.alertWhenNoData = spec.bool("alertWhenNoData", diagnostics: &diagnostics) ?? false
        policy.alertWhenBreaching = spec.bool("alertWhenBreaching", diagnostics: &diagnostics) ?? true
        policy.alertWhenResolved = spec.bool("alertWhenResolved", diagnostics: &diagnostics) ?? false
        let conditions = spec.sequence("conditions", diagnostics: &diagnostics) ?? []
        if conditions.count != 1 {
            let location = spec.has("conditions") ? valueLocation(spec, "conditions") : spec.node.location
            diagnostics.error(location, "\(spec.what): \"conditions\" must have exactly one condition, got \(conditions.count)")
        }
        for (index, node) in conditions.enumerated() {
            let itemPath = "\(specPath).conditions[\(index)]"
            guard var item = MappingReader(node, what: owner.at(itemPath), diagnostics: &diagnostics) else { continue }
            if item.has("conditionRef") {
                for key in ["kind", "metadata", "spec"] {
                    forbid(item, key, because: "together with \"conditionRef\"", diagnostics: &diagnostics)
                    item.ignore(key)
                }
                if let ref = readReference(&item, "conditionRef", path: itemPath, diagnostics: &diagnostics) { policy.conditions.append(.reference(ref)) }
            } else {
                let before = diagnostics.errors.count
                readInlineKind(&item, expected: "AlertCondition", reference: "conditionRef", diagnostics: &diagnostics)
                var condition = readAlertConditionBody(&item, owner: owner, path: itemPath, diagnostics: &diagnostics)
                condition.isValid = diagnostics.errors.count == before
                policy.conditions.append(.inline(condition))
            }
            item.finish(diagnostics: &diagnostics)
        }
        let targets = spec.sequence("notificationTargets", diagnostics: &diagnostics) ?? []
        if targets.isEmpty {
            let location = spec.has("notificationTargets") ? valueLocation(spec, "notificationTargets") : spec.node.location
            diagnostics.error(location, "\(spec.what): \"notificationTargets\" must have at least one target")
        }
        for (index, node) in targets.enumerated() {
            let itemPath = "\(specPath).notificationTargets[\(index)]"
            guard var item = MappingReader(node, what: owner.at(itemPath), diagnostics: &diagnostics) else { continue }
            if item.has("targetRef") {
                for key in ["kind", "metadata", "spec"] {
                    forbid(item, key, because: "together with \"targetRef\"", diagnostics: &diagnostics)
                    item.ignore(key)
                }
                if let ref = readReference(&item, "targetRef", path: itemPath, diagnostics: &diagnostics) { policy.targets.append(.reference(ref)) }
            } else {
                let before = diagnostics.errors.count
                readInlineKind(&item, expected: "AlertNotificationTarget", reference: "targetRef", diagnostics: &diagnostics)
                var target = readNotificationTargetBody(&item, owner: owner, path: itemPath, diagnostics: &diagnostics)
                target.isValid = diagnostics.errors.count == before
                policy.targets.append(.inline(target))
            }
            item.finish(diagnostics: &diagnostics)
        }
        return policy
    }

    /// Reads a standalone `kind: AlertCondition`.
    static func readAlertCondition(_ root: inout MappingReader, name: OpenSLOObjectName, diagnostics: inout Diagnostics) -> OpenSLOAlertConditionDefinition {
        let before = diagnostics.errors.count
        var condition = readAlertConditionBody(&root, owner: name, path: "", diagnostics: &diagnostics)
        condition.isValid = diagnostics.errors.count == before
        return condition
    }

    /// Reads an AlertCondition's `metadata` and `spec` (severity and a `burnrate` condition).
    private static func readAlertConditionBody(_ reader: inout MappingReader, owner: OpenSLOObjectName, path: String, diagnostics: inout Diagnostics) -> OpenSLOAlertConditionDefinition {
        let metadata = readMetadata(&reader, object: owner, path: path, diagnostics: &diagnostics)
        var result = OpenSLOAlertConditionDefinition(metadata: metadata, severity: "", condition: nil, location: reader.node.location, isValid: true)
        let specPath = path.isEmpty ? "spec" : "\(path).spec"
        guard var spec = reader.mapping("spec", what: owner.at(specPath), required: true, diagnostics: &diagnostics) else { return result }
        defer { spec.finish(diagnostics: &diagnostics) }
        _ = readDescription(&spec, diagnostics: &diagnostics)
        result.severity = spec.string("severity", required: true, diagnostics: &diagnostics) ?? ""
        guard var condition = spec.mapping("condition", what: owner.at("\(specPath).condition"), required: true, diagnostics: &diagnostics) else { return result }
        defer { condition.finish(diagnostics: &diagnostics) }
        let kind = condition.string("kind", required: true, diagnostics: &diagnostics)
        if let kind, kind != "burnrate" {
            diagnostics.error(valueLocation(condition, "kind"), "\(condition.what): \"kind\" must be burnrate, got \"\(kind)\"")
            condition.ignore("op", "threshold", "lookbackWindow", "alertAfter")
            return result
        }
        let op = readOperator(&condition, required: true, diagnostics: &diagnostics)
        let threshold = condition.double("threshold", required: true, diagnostics: &diagnostics)
        let lookback = readDuration(&condition, "lookbackWindow", required: true, diagnostics: &diagnostics)
        let alertAfter = readDuration(&condition, "alertAfter", allowZero: true, diagnostics: &diagnostics)
        if let op, let threshold, let lookback, kind != nil {
            result.condition = AlertCondition(
                name: metadata?.name ?? "", severity: result.severity, op: op.op, threshold: threshold,
                lookbackWindow: lookback.duration, alertAfter: alertAfter?.duration ?? .zero
            )
        }
        return result
    }

    /// Reads a standalone `kind: AlertNotificationTarget`.
    static func readNotificationTarget(_ root: inout MappingReader, name: OpenSLOObjectName, diagnostics: inout Diagnostics) -> OpenSLONotificationTarget {
        let before = diagnostics.errors.count
        var target = readNotificationTargetBody(&root, owner: name, path: "", diagnostics: &diagnostics)
        target.isValid = diagnostics.errors.count == before
        return target
    }

    /// Reads a notification target's `metadata` and `spec` (`target` required).
    private static func readNotificationTargetBody(_ reader: inout MappingReader, owner: OpenSLOObjectName, path: String, diagnostics: inout Diagnostics) -> OpenSLONotificationTarget {
        let metadata = readMetadata(&reader, object: owner, path: path, diagnostics: &diagnostics)
        var result = OpenSLONotificationTarget(metadata: metadata, target: "", location: reader.node.location, isValid: true)
        let specPath = path.isEmpty ? "spec" : "\(path).spec"
        guard var spec = reader.mapping("spec", what: owner.at(specPath), required: true, diagnostics: &diagnostics) else { return result }
        result.target = spec.string("target", required: true, diagnostics: &diagnostics) ?? ""
        _ = readDescription(&spec, diagnostics: &diagnostics)
        spec.finish(diagnostics: &diagnostics)
        return result
    }
}
