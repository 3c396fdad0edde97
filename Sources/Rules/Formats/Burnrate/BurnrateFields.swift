/// Readers for the fields `burnrate/v1` adds to the Sloth SLO body; `SlothSpecReader` calls them
/// when its dialect allows Burnrate's extensions.
enum BurnrateFields {
    /// Reads `group_by`: label names, one SLO state per distinct value set.
    static func groupBy(from reader: inout MappingReader, diagnostics: inout Diagnostics) -> [String] {
        guard let items = reader.sequence("group_by", diagnostics: &diagnostics) else { return [] }
        var labels: [String] = []
        for item in items {
            guard let label = item.scalar, !item.isNull else {
                diagnostics.error(item.location, "\(reader.what): group_by entries must be label names, got \(item.typeDescription)")
                continue
            }
            if !Names.isValidLabelName(label) {
                diagnostics.error(item.location, "\(reader.what): invalid label name \"\(label)\" in group_by: it must match [a-zA-Z_][a-zA-Z0-9_]*")
            } else if labels.contains(label) {
                diagnostics.error(item.location, "\(reader.what): label \"\(label)\" appears twice in group_by")
            } else {
                labels.append(label)
            }
        }
        return labels
    }

    /// Reads `min_events`, the low-traffic guard: a number of events, not negative.
    static func minEvents(from reader: inout MappingReader, diagnostics: inout Diagnostics) -> (value: Double, node: YAMLNode)? {
        guard let node = reader.node["min_events"], !node.isNull else {
            _ = reader.value("min_events")
            return nil
        }
        guard let value = reader.double("min_events", diagnostics: &diagnostics) else { return nil }
        guard value >= 0, value.isFinite else {
            diagnostics.error(node.location, "\(reader.what): min_events must be a number of events, 0 or more, got \(node.scalar ?? "")")
            return nil
        }
        return (value, node)
    }

    /// The length of a period for burn-rate factors (`SLOPeriod.nominalLength`).
    static func nominalLength(of period: SLOPeriod) -> Duration {
        period.nominalLength
    }
}
