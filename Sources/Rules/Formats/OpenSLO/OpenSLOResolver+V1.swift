extension OpenSLOResolver {
    /// The SLOs of an `openslo/v1` SLO: one per objective, or none when it is invalid, references
    /// something missing, or cannot be evaluated by Burnrate (reported as a warning).
    func slos(for definition: OpenSLOSLODefinition, diagnostics: inout Diagnostics) -> [SLO] {
        let before = diagnostics.errors.count
        let owner = definition.name
        var policies: [AlertPolicy] = []
        for entry in definition.alertPolicies {
            switch entry {
            case .inline(let policy):
                if let resolved = resolve(policy, diagnostics: &diagnostics) { policies.append(resolved) }
            case .reference(let reference):
                guard let found = catalog.alertPolicy(named: reference.name) else {
                    diagnostics.error(reference.location, Self.danglingMessage(owner: owner, kind: "AlertPolicy", reference: reference))
                    continue
                }
                // The standalone policy's own references were checked once, at the policy.
                var ignored = Diagnostics()
                if let resolved = resolve(found, diagnostics: &ignored) { policies.append(resolved) }
            }
        }
        var indicators: [Int: OpenSLOIndicator] = [:]
        for objective in definition.objectives {
            guard let choice = objective.indicator ?? definition.indicator else { continue }
            guard let indicator = indicator(choice, owner: owner, diagnostics: &diagnostics) else { continue }
            indicators[objective.index] = indicator
            if case .reference = choice, let metric = indicator.metric {
                checkObjective(objective, metric: metric, diagnostics: &diagnostics)
            }
        }
        guard definition.isValid, diagnostics.errors.count == before,
              indicators.count == definition.objectives.count, indicators.values.allSatisfy(\.isValid),
              policies.count == definition.alertPolicies.count
        else { return [] }
        return mapV1(definition, indicators: indicators, policies: policies, diagnostics: &diagnostics)
    }

    /// The indicator of an SLO (inline, or the referenced SLI), reporting a dangling reference.
    private func indicator(_ choice: OpenSLOReference<OpenSLOIndicator>, owner: OpenSLOObjectName, diagnostics: inout Diagnostics) -> OpenSLOIndicator? {
        switch choice {
        case .inline(let inline):
            checkSources(of: inline, diagnostics: &diagnostics)
            return inline
        case .reference(let reference):
            guard let found = catalog.sli(named: reference.name) else {
                diagnostics.error(reference.location, Self.danglingMessage(owner: owner, kind: "SLI", reference: reference))
                return nil
            }
            return found
        }
    }

    private func checkObjective(_ objective: OpenSLOObjective, metric: OpenSLOIndicator.Metric, diagnostics: inout Diagnostics) {
        OpenSLOFormat.checkObjective(objective, metric: metric, diagnostics: &diagnostics)
    }

    /// Maps a valid, resolved v1 SLO; warns and returns nothing when Burnrate cannot evaluate it.
    private func mapV1(_ definition: OpenSLOSLODefinition, indicators: [Int: OpenSLOIndicator], policies: [AlertPolicy], diagnostics: inout Diagnostics) -> [SLO] {
        let owner = definition.name
        guard let window = definition.timeWindow, let method = definition.budgetingMethod, let metadata = definition.metadata else { return [] }
        let period: SLOPeriod
        if window.isRolling {
            period = .rolling(window.duration.duration)
        } else if let unit = window.duration.calendarUnit, let zone = window.timeZone {
            period = .calendar(unit, timeZone: zone)
        } else {
            var reason = "a calendar-aligned window of \(window.duration) cannot be evaluated: Burnrate supports 1d, 1w, 1M, 1Q or 1Y"
            if window.duration.unit == .minute { reason += " (\"\(window.duration)\" is \(window.duration.value) minute(s); did you mean \"\(window.duration.value)M\", months?)" }
            OpenSLOResolver.notEvaluated(owner, reason, at: window.durationLocation, diagnostics: &diagnostics)
            return []
        }
        var sis: [(OpenSLOObjective, SLI)] = []
        for objective in definition.objectives {
            guard let indicator = indicators[objective.index], let metric = indicator.metric else { return [] }
            guard let sli = sli(metric, objective: objective, owner: owner, diagnostics: &diagnostics) else { return [] }
            sis.append((objective, sli))
        }
        let suffixes = OpenSLOResolver.objectiveSuffixes(definition.objectives)
        return sis.map { objective, sli in
            let id = definition.objectives.count == 1 ? metadata.name : "\(metadata.name)-\(suffixes[objective.index] ?? String(objective.index))"
            return SLO(
                id: id, name: id, service: definition.service, description: definition.description,
                objective: objective.target ?? 0, labels: metadata.prometheusLabels, indicator: sli, period: period,
                budgeting: budgeting(method, objective), alerting: SLOAlerting(page: nil, ticket: nil, policies: policies),
                location: definition.objectives.count == 1 ? definition.location : objective.location, format: .openSLO
            )
        }
    }

    private func budgeting(_ method: OpenSLOBudgetingMethodName, _ objective: OpenSLOObjective) -> BudgetingMethod {
        let window = objective.timeSliceWindow?.duration ?? .seconds(60)
        switch method {
        case .occurrences: return .occurrences
        case .timeslices: return .timeslices(target: objective.timeSliceTarget ?? 1, window: window)
        case .ratioTimeslices: return .ratioTimeslices(window: window)
        }
    }

    /// The id suffix of each objective of a multi-objective SLO: its display name made a DNS label,
    /// or its index when it has none or two objectives would share one.
    static func objectiveSuffixes(_ objectives: [OpenSLOObjective]) -> [Int: String] {
        var slugs: [Int: String] = [:]
        for objective in objectives {
            let slug = (objective.displayName ?? "").lowercased().unicodeScalars
                .map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? String($0) : "-" }
                .joined().split(separator: "-").joined(separator: "-")
            if !slug.isEmpty { slugs[objective.index] = slug }
        }
        let counts = Dictionary(grouping: slugs.values, by: { $0 }).mapValues(\.count)
        return slugs.filter { counts[$0.value] == 1 }
    }

    /// The model SLI of an objective, or nil after a warning (not Prometheus, no window) or an
    /// error (a Prometheus source without a query).
    private func sli(_ metric: OpenSLOIndicator.Metric, objective: OpenSLOObjective, owner: OpenSLOObjectName, diagnostics: inout Diagnostics) -> SLI? {
        var queries: [QueryTemplate] = []
        for source in metric.sources {
            guard let type = sourceType(of: source) else { return nil }
            guard type.name.lowercased() == "prometheus" else {
                OpenSLOResolver.notEvaluated(owner, "data source type \"\(type.name)\" is not Prometheus (valid OpenSLO, but Burnrate evaluates Prometheus queries only)", at: type.location, diagnostics: &diagnostics)
                return nil
            }
            guard let query = source.query else {
                diagnostics.error(source.location, "\(owner.at(source.path)): a Prometheus metric source needs \"spec.query\" with a PromQL expression")
                return nil
            }
            queries.append(query)
        }
        func window(_ query: QueryTemplate, _ counting: OpenSLOQueryWindow.Counting) -> QueryTemplate? {
            if let windowed = OpenSLOQueryWindow.windowed(query, counting: counting) { return windowed }
            OpenSLOResolver.notEvaluated(owner, "the query has no {{.window}} and is not a plain selector (optionally inside sum), so Burnrate cannot count it over a window; write it with {{.window}}, e.g. sum(rate(metric[{{.window}}]))", at: query.location, diagnostics: &diagnostics)
            return nil
        }
        switch metric {
        case .threshold:
            guard let op = objective.op?.op, let value = objective.value?.value else { return nil }
            return .threshold(query: queries[0], op: op, value: value)
        case .ratio(let counter, _, let isBad, _):
            let counting: OpenSLOQueryWindow.Counting = counter ? .counter : .gauge
            guard let numerator = window(queries[0], counting), let total = window(queries[1], counting) else { return nil }
            return isBad ? .events(errors: numerator, total: total) : .goodTotal(good: numerator, total: total)
        case .raw(let isSuccess, _):
            guard let ratio = window(queries[0], .ratio) else { return nil }
            guard isSuccess else { return .raw(errorRatio: ratio) }
            return .raw(errorRatio: QueryTemplate("1 - (\n  \(OpenSLOQueryWindow.trimmed(ratio.text))\n)", at: ratio.location))
        }
    }
}
