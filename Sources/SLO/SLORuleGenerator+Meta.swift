internal import Rules

extension SLORuleGenerator {
    /// Sloth's metadata rules: objective, error budget, period length, current and period burn
    /// rates, remaining budget, and `sloth_slo_info`.
    func metaRules(for slo: SLO) -> [RecordingRule] {
        let objective = SlothObjective(ratio: slo.objective)
        let identity = SLOIdentity(slo)
        let labels = recordingLabels(slo)
        let ratio = SlothNumber.format(objective.ratio)
        let budget = "slo:error_budget:ratio\(identity.selector)"
        func rule(_ record: String, _ expr: String, extra: [String: String] = [:]) -> RecordingRule {
            RecordingRule(record: record, expr: expr, labels: labels.merging(extra) { $1 }, location: slo.location)
        }
        func burnRate(_ window: String) -> String {
            "\(Self.ratioRecord(window))\(identity.selector)\n/ on(\(SLOIdentity.matchingLabels)) group_left\n\(budget)\n"
        }
        let days = SlothNumber.seconds(slo.period.nominalLength) / 86_400
        return [
            rule("slo:objective:ratio", "vector(\(ratio))"),
            rule("slo:error_budget:ratio", "vector(1-\(ratio))"),
            rule("slo:time_period:days", "vector(\(SlothNumber.format(days)))"),
            rule("slo:current_burn_rate:ratio", burnRate(SlothNumber.format(SLIWindows.fiveMinutes))),
            rule("slo:period_burn_rate:ratio", burnRate(periodWindowName(slo))),
            rule("slo:period_error_budget_remaining:ratio", "1 - slo:period_burn_rate:ratio\(identity.selector)"),
            rule("sloth_slo_info", "vector(1)", extra: [
                "sloth_mode": Self.slothMode(slo.format),
                "sloth_objective": objective.percentText,
                "sloth_spec": Self.slothSpec(slo.format),
                "sloth_version": options.version,
            ]),
        ]
    }

    /// `sloth_spec`: the spec the SLO was read from, as Sloth names it. The one place the
    /// generator looks at `SLO.format`: the info series describes the input.
    static func slothSpec(_ format: SourceFormat) -> String {
        switch format {
        case .sloth: "prometheus/v1"
        case .slothKubernetes: "sloth.slok.dev/v1"
        case .openSLOv1alpha: "openslo/v1alpha"
        case .openSLO: "openslo/v1"
        case .burnrate: "burnrate/v1"
        case .prometheus: "prometheus"
        }
    }

    /// `sloth_mode`: how Sloth's CLI generated the rules (`cli-gen-prom`, `cli-gen-k8s`,
    /// `cli-gen-openslo`), following the spec.
    static func slothMode(_ format: SourceFormat) -> String {
        switch format {
        case .slothKubernetes: "cli-gen-k8s"
        case .openSLOv1alpha, .openSLO: "cli-gen-openslo"
        case .sloth, .burnrate, .prometheus: "cli-gen-prom"
        }
    }
}
