extension SlothSpecReader {
    /// Reads an SLO's `alerting`. As in Sloth, `name` is required while the page or the ticket
    /// alert is enabled (an SLO without `alerting` has both enabled); a disabled alert is nil.
    func readAlerting(
        _ node: YAMLNode?, slo: YAMLNode, what: String, period: SLOPeriod, diagnostics: inout Diagnostics
    ) -> SLOAlerting {
        guard let node else {
            diagnostics.error(slo.location, "\(what): missing \"alerting\": Sloth requires alerting.name unless both \(dialect.pageAlert) and \(dialect.ticketAlert) have disable: true")
            return SLOAlerting()
        }
        guard var reader = MappingReader(node, what: "\(what) alerting", diagnostics: &diagnostics) else { return SLOAlerting() }
        let name = reader.string("name", diagnostics: &diagnostics) ?? ""
        let labels = SlothLabels.read("labels", .label, from: &reader, diagnostics: &diagnostics)
        let annotations = SlothLabels.read("annotations", .annotation, from: &reader, diagnostics: &diagnostics)
        let page = readAlert(dialect.pageAlert, from: &reader, what: what, diagnostics: &diagnostics)
        let ticket = readAlert(dialect.ticketAlert, from: &reader, what: what, diagnostics: &diagnostics)
        if name.isEmpty && (page != nil || ticket != nil) {
            diagnostics.error(node["name"]?.location ?? node.location, "\(reader.what): name is required while the page or ticket alert is enabled (or set disable: true on both \(dialect.pageAlert) and \(dialect.ticketAlert))")
        }
        var alerting = SLOAlerting(
            name: name.isEmpty ? nil : name, labels: labels, annotations: annotations, page: page, ticket: ticket
        )
        if dialect.burnrateExtensions {
            alerting.noDataAfter = BurnrateFields.noData(from: &reader, diagnostics: &diagnostics)
            alerting.windows = BurnrateFields.windows(from: &reader, period: period, alerting: alerting, diagnostics: &diagnostics)
        } else {
            rejectBurnrateOnly(Self.burnrateOnlyAlertingFields, in: &reader, diagnostics: &diagnostics)
        }
        reader.finish(diagnostics: &diagnostics)
        return alerting
    }

    /// Reads `page_alert` or `ticket_alert` (`pageAlert`/`ticketAlert`): nil when `disable: true`.
    private func readAlert(
        _ key: String, from parent: inout MappingReader, what: String, diagnostics: inout Diagnostics
    ) -> SLOAlert? {
        guard var reader = parent.mapping(key, what: "\(what) alerting.\(key)", diagnostics: &diagnostics) else {
            return SLOAlert()
        }
        let disabled = reader.bool("disable", diagnostics: &diagnostics) ?? false
        let labels = SlothLabels.read("labels", .label, from: &reader, diagnostics: &diagnostics)
        let annotations = SlothLabels.read("annotations", .annotation, from: &reader, diagnostics: &diagnostics)
        reader.finish(diagnostics: &diagnostics)
        return disabled ? nil : SLOAlert(labels: labels, annotations: annotations)
    }
}
