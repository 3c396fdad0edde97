extension OpenSLOResolver {
    /// The SLOs of an `openslo/v1alpha` SLO, as Sloth makes them: one per objective, id
    /// `<service>-<name>-<index>`, name `<name>-<index>`, a ratio objective read as the raw error ratio
    /// `1 - (good / total)`, no alerts. Sources other than `prometheus` (or Sloth's `sloth`) are
    /// valid but not evaluated (a warning).
    func slos(for definition: OpenSLOv1alphaSLO, diagnostics: inout Diagnostics) -> [SLO] {
        guard definition.isValid, let metadata = definition.metadata, let method = definition.budgetingMethod else { return [] }
        let owner = definition.name
        if let problem = definition.periodProblem {
            OpenSLOResolver.notEvaluated(owner, problem.message, at: problem.location, diagnostics: &diagnostics)
            return []
        }
        let period = definition.period ?? .default
        var result: [SLO] = []
        for objective in definition.objectives {
            guard let sli = v1alphaSLI(definition, objective, diagnostics: &diagnostics) else { return [] }
            let budgeting: BudgetingMethod = method == .timeslices
                ? .timeslices(target: objective.timeSliceTarget ?? 1, window: .seconds(60)) : .occurrences
            result.append(SLO(
                id: "\(definition.service)-\(metadata.name)-\(objective.index)", name: "\(metadata.name)-\(objective.index)",
                service: definition.service, description: definition.description, objective: objective.target,
                indicator: sli, period: period, budgeting: budgeting, alerting: .none,
                location: definition.objectives.count == 1 ? definition.location : objective.location, format: .openSLOv1alpha
            ))
        }
        return result
    }

    private func v1alphaSLI(_ definition: OpenSLOv1alphaSLO, _ objective: OpenSLOv1alphaSLO.Objective, diagnostics: inout Diagnostics) -> SLI? {
        let owner = definition.name
        func evaluable(_ metric: OpenSLOv1alphaSLO.Metric) -> Bool {
            let source = metric.source.lowercased()
            if source == "prometheus" || source == "sloth" { return true }
            OpenSLOResolver.notEvaluated(owner, "source \"\(metric.source)\" is not Prometheus (valid OpenSLO, but Burnrate evaluates Prometheus queries only)", at: metric.sourceLocation, diagnostics: &diagnostics)
            return false
        }
        func windowed(_ query: QueryTemplate) -> QueryTemplate? {
            if let result = OpenSLOQueryWindow.windowed(query, counting: .counter) { return result }
            OpenSLOResolver.notEvaluated(owner, "the query has no {{.window}} and is not a plain selector (optionally inside sum), so Burnrate cannot count it over a window; write it with {{.window}} as Sloth expects", at: query.location, diagnostics: &diagnostics)
            return nil
        }
        if let ratio = objective.ratio {
            guard evaluable(ratio.good), evaluable(ratio.total),
                  let good = windowed(ratio.good.query), let total = windowed(ratio.total.query)
            else { return nil }
            let text = "1 - (\n  (\n    \(OpenSLOQueryWindow.trimmed(good.text))\n  )\n  /\n  (\n    \(OpenSLOQueryWindow.trimmed(total.text))\n  )\n)"
            return .raw(errorRatio: QueryTemplate(text, at: good.location))
        }
        guard let threshold = definition.threshold, evaluable(threshold), let op = objective.op, let value = objective.value else { return nil }
        return .threshold(query: threshold.query, op: op, value: value)
    }
}
