public import Rules

extension SLORuleGenerator {
    /// The multi-window conditions of an SLO: its own `alerting.windows` (burnrate/v1), else the
    /// catalog of its period (`catalog(for:)`). They also choose the windows the SLI is recorded
    /// over, so they are used even when alerts are disabled, as in Sloth.
    public func alertConditions(for slo: SLO) -> [AlertWindow] {
        slo.alerting.windows ?? catalog(for: slo.period.nominalLength).windows
    }

    /// The catalog for a period: a loaded `AlertWindows` catalog, else the built-in Google one
    /// (30 and 28 days), else the Google percentages scaled to the period. Sloth refuses a period
    /// without a catalog; Burnrate scales, as `burnrate/v1` documents for its periods.
    func catalog(for period: Duration) -> AlertWindowCatalog {
        catalogs.first { $0.period == period } ?? AlertWindowCatalog.builtIn(for: period) ?? .google(period: period)
    }

    /// The page and ticket alerts (each one rule whose conditions are joined by `or`), then the
    /// rules of OpenSLO alert policies; empty when alerts are disabled.
    func alertRules(for slo: SLO, conditions: [AlertWindow]) throws(SLORuleError) -> [AlertingRule] {
        guard options.alertsEnabled else { return [] }
        let errorBudget = SlothObjective(ratio: slo.objective).errorBudget
        var rules: [AlertingRule] = []
        for (severity, alert) in [(AlertSeverity.page, slo.alerting.page), (.ticket, slo.alerting.ticket)] {
            guard let alert else { continue }
            let windows = conditions.filter { $0.severity == severity }
            guard !windows.isEmpty else { continue }
            guard let name = slo.alerting.name else {
                throw SLORuleError(.missingAlertName, slo: slo.id, "the \(severity.rawValue) alert is enabled but alerting.name is missing")
            }
            let blocks = windows.map { condition in
                multiWindowCondition(slo, condition, errorBudget: errorBudget)
            }
            rules.append(AlertingRule(
                alert: name, expr: blocks.joined(separator: "\nor\n") + "\n",
                labels: slo.alerting.labels.merging(alert.labels) { $1 }.merging(["sloth_severity": severity.rawValue]) { $1 },
                annotations: Self.defaultAnnotations(severity.rawValue)
                    .merging(slo.alerting.annotations) { $1 }.merging(alert.annotations) { $1 },
                location: slo.location
            ))
        }
        return rules + policyRules(for: slo, errorBudget: errorBudget) + noDataRules(for: slo)
    }

    /// `alerting.no_data` (burnrate/v1): `<name>NoData` when the SLI has had no series for the
    /// duration (a service that stopped reporting, a renamed metric): for SLIs that count events,
    /// when the 5-minute event count is absent (a missing error series alone is not missing data:
    /// it means no errors); for the others, when the 5-minute error ratio is. Labelled with the
    /// SLO's identity and `sloth_severity: no_data`.
    private func noDataRules(for slo: SLO) -> [AlertingRule] {
        guard let after = slo.alerting.noDataAfter else { return [] }
        let fiveMinutes = SLIWindows.fiveMinutes
        let watched = SLIQuery(slo: slo).eventCount(fiveMinutes)
            ?? Self.ratioRecord(SlothNumber.format(fiveMinutes)) + SLOIdentity(slo).selector
        return [AlertingRule(
            alert: (slo.alerting.name ?? "SLO") + "NoData", expr: "absent(\(watched))\n", for: after,
            labels: slo.alerting.labels.merging(SLOIdentity(slo).labels) { $1 }.merging(["sloth_severity": "no_data"]) { $1 },
            annotations: [
                "title": "(no data) {{$labels.sloth_service}} {{$labels.sloth_slo}} SLO has no SLI data.",
                "summary": "The SLI of {{$labels.sloth_service}} {{$labels.sloth_slo}} has had no series for \(SlothNumber.format(after)).",
            ],
            location: slo.location)]
    }

    /// One condition as Sloth writes it: both windows' ratios above `factor × error budget`.
    /// With `min_events`, the long window must also have seen that many events:
    /// `and on(<group_by>) (<events over the long window> >= min_events)`. The event count has
    /// only the `group_by` labels, hence `on(...)` (an empty `on()` when there is no `group_by`).
    func multiWindowCondition(_ slo: SLO, _ condition: AlertWindow, errorBudget: Double) -> String {
        let threshold = "(\(SlothNumber.format(condition.factor)) * \(SlothNumber.format(errorBudget)))"
        func above(_ window: Duration) -> String {
            "max(\(Self.ratioRecord(SlothNumber.format(window)))\(SLOIdentity(slo).selector) > \(threshold)) without (sloth_window)"
        }
        var lines = ["(", "    " + above(condition.short), "    and", "    " + above(condition.long)]
        if let guardLine = minEventsGuard(slo, window: condition.long) {
            lines += ["    " + guardLine]
        }
        return (lines + [")"]).joined(separator: "\n")
    }

    /// `and on(<group_by>) (<events over window> >= min_events)`, or nil without `min_events` or
    /// for an SLI that does not count events.
    func minEventsGuard(_ slo: SLO, window: Duration) -> String? {
        guard let minEvents = slo.minEvents, let count = SLIQuery(slo: slo).eventCount(window) else { return nil }
        return "and on(\(slo.groupBy.joined(separator: ", "))) (\(count) >= \(SlothNumber.format(minEvents)))"
    }

    /// OpenSLO alert policies (alerting when breaching): one rule per burn-rate condition, named
    /// after the policy: the ratio over the lookback window compared (`op`) with
    /// `threshold × error budget`, held for `alertAfter`, labelled `sloth_severity: <severity>`.
    private func policyRules(for slo: SLO, errorBudget: Double) -> [AlertingRule] {
        slo.alerting.policies.filter(\.alertWhenBreaching).flatMap { policy in
            policy.conditions.map { condition in
                let record = Self.ratioRecord(SlothNumber.format(condition.lookbackWindow)) + SLOIdentity(slo).selector
                let threshold = "(\(SlothNumber.format(condition.threshold)) * \(SlothNumber.format(errorBudget)))"
                var expr = "max(\(record) \(SLIQuery.symbol(condition.op)) \(threshold)) without (sloth_window)"
                if let guardLine = minEventsGuard(slo, window: condition.lookbackWindow) {
                    expr = "(\n    \(expr)\n    \(guardLine)\n)"
                }
                return AlertingRule(
                    alert: policy.name, expr: expr + "\n", for: condition.alertAfter,
                    labels: ["sloth_severity": condition.severity],
                    annotations: Self.defaultAnnotations(condition.severity), location: policy.location
                )
            }
        }
    }

    /// Sloth's default `title` and `summary`, overridden by the spec's annotations.
    static func defaultAnnotations(_ severity: String) -> [String: String] {
        [
            "title": "(\(severity)) {{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is too fast.",
            "summary": "{{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is over expected.",
        ]
    }
}
