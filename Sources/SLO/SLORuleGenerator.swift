public import Foundation
public import Rules

/// Turns an SLO of the internal model into the Prometheus rule groups Sloth v0.16 generates for it:
/// `sloth-slo-sli-recordings-<id>` (the error ratio per window), `sloth-slo-meta-recordings-<id>`
/// (objective, budget, burn rates, `sloth_slo_info`) and `sloth-slo-alerts-<id>` (the page and
/// ticket multi-window multi-burn-rate alerts, left out when both are disabled).
///
/// Sloth's names, labels, annotations, windows, factors and numbers are reproduced, so existing
/// dashboards and Alertmanager routes keep working. `SLORuleMode.exactPeriod` changes only the
/// period-window ratio. SLOs Sloth cannot express (latency, gauge and threshold SLIs, `group_by`,
/// `min_events`, time slices, calendar periods, OpenSLO alert policies) get rules of the same shape;
/// `SLIQuery` documents the PromQL of each SLI kind.
public struct SLORuleGenerator: Sendable {
    /// The settings Sloth takes on its command line.
    public var options: SLORuleOptions
    /// Alert-window catalogs from `kind: AlertWindows` files; they replace the built-in catalog of
    /// their period.
    public var catalogs: [AlertWindowCatalog]

    /// Creates a generator.
    public init(options: SLORuleOptions = SLORuleOptions(), catalogs: [AlertWindowCatalog] = []) {
        self.options = options
        self.catalogs = catalogs
    }

    /// Creates a generator using the catalogs a rule set loaded.
    public init(ruleSet: RuleSet, options: SLORuleOptions = SLORuleOptions()) {
        self.init(options: options, catalogs: ruleSet.alertWindowCatalogs)
    }

    /// The groups of every SLO, in order, as `groups(for:)` makes them.
    public func groups(for slos: [SLO]) throws(SLORuleError) -> [RuleGroup] {
        var result: [RuleGroup] = []
        for slo in slos {
            result += try groups(for: slo)
        }
        return result
    }

    /// The groups of an SLO with a rolling period, or of a calendar SLO without its period window
    /// (the caller adds `periodWindowRule(for:at:)` at each evaluation).
    public func groups(for slo: SLO) throws(SLORuleError) -> [RuleGroup] {
        try groups(for: slo, periodRule: periodWindowRule(rollingFor: slo))
    }

    /// The groups of an SLO as they stand at `time`: for a calendar period, the period window is
    /// the time elapsed since the period began; for a rolling one, `time` does not matter.
    public func groups(for slo: SLO, at time: Date) throws(SLORuleError) -> [RuleGroup] {
        try groups(for: slo, periodRule: periodWindowRule(for: slo, at: time))
    }

    private func groups(for slo: SLO, periodRule: RecordingRule?) throws(SLORuleError) -> [RuleGroup] {
        if case .plugin(let id, _) = slo.indicator {
            throw SLORuleError(.pluginSLI, slo: slo.id, "its SLI is the Sloth plugin \"\(id)\", which Burnrate does not run; write its query as a raw SLI")
        }
        let conditions = alertConditions(for: slo)
        let lookbacks = options.alertsEnabled ? slo.alerting.policies.flatMap { $0.conditions.map(\.lookbackWindow) } : []
        let windows = SLIWindows.windows(for: conditions, extra: lookbacks, period: rollingPeriod(of: slo))
        var sliRules = try windows.map { window throws(SLORuleError) in Rule.recording(try sliRule(for: slo, window: window)) }
        if let periodRule { sliRules.append(.recording(periodRule)) }
        var result = [
            group("sloth-slo-sli-recordings-\(slo.id)", sliRules, slo),
            group("sloth-slo-meta-recordings-\(slo.id)", metaRules(for: slo).map(Rule.recording), slo),
        ]
        let alerts = try alertRules(for: slo, conditions: conditions)
        if !alerts.isEmpty {
            result.append(group("sloth-slo-alerts-\(slo.id)", alerts.map(Rule.alerting), slo))
        }
        return result
    }

    private func group(_ name: String, _ rules: [Rule], _ slo: SLO) -> RuleGroup {
        RuleGroup(name: name, rules: rules, file: slo.location.file, location: slo.location)
    }

    /// The labels of every recording rule: the SLO's, the extra labels, then the identity.
    func recordingLabels(_ slo: SLO) -> [String: String] {
        slo.labels.merging(options.extraLabels) { $1 }.merging(SLOIdentity(slo).labels) { $1 }
    }

    /// The rolling period of an SLO; nil for a calendar period.
    func rollingPeriod(of slo: SLO) -> Duration? {
        if case .rolling(let duration) = slo.period { return duration }
        return nil
    }
}
