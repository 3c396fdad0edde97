public import Alerting
internal import Foundation
public import PromQL
public import Rules

/// Turns the SLOs of a rule set into the groups the rule scheduler runs: the groups of
/// `SLORuleGenerator` (Burnrate's `.exactPeriod` mode by default), with the period-window rule
/// evaluated on an engine that counts the events observed in the window (`Engine.observedChange`)
/// rather than extrapolating, and, for a calendar period, with its range recomputed at every
/// evaluation (the time since the period began).
///
/// SLO alerts thereby enter the same alert state as rule alerts, and the series Sloth's rules
/// record are stored and queryable.
public struct SLOCompiler: Sendable {
    /// The annotations Burnrate adds to SLO page and ticket alerts (`SLOAlertAnnotations`), on
    /// top of Sloth's: the burn rates, the conditions and the budget left.
    public static let addedAnnotations: Set<String> = ["burn_rates", "windows", "budget_remaining"]

    /// The rule generator.
    public var generator: SLORuleGenerator
    /// The engine of ordinary rules; the period rule uses a copy with `observedChange` on.
    public var engine: Engine

    /// A compiler for the SLOs of `ruleSet` (its alert-window catalogs).
    public init(ruleSet: RuleSet, options: SLORuleOptions = SLORuleOptions(mode: .exactPeriod), engine: Engine = Engine()) {
        self.generator = SLORuleGenerator(ruleSet: ruleSet, options: options)
        self.engine = engine
    }

    /// The scheduled groups of every SLO of `slos`, and the SLOs that cannot be evaluated (a Sloth
    /// plugin SLI, an unknown time zone), which are left out.
    public func groups(for slos: [SLO]) -> (groups: [ScheduledGroup], problems: [SLORuleError]) {
        var groups: [ScheduledGroup] = []
        var problems: [SLORuleError] = []
        for slo in slos {
            do {
                groups += try self.groups(for: slo)
            } catch {
                problems.append(error)
            }
        }
        return (groups, problems)
    }

    /// The scheduled groups of one SLO.
    public func groups(for slo: SLO) throws(SLORuleError) -> [ScheduledGroup] {
        var observed = engine
        observed.observedChange = true
        var groups = try generator.groups(for: slo).map { ScheduledGroup(group: $0) }
        if generator.options.mode == .exactPeriod,
           let alerts = groups.firstIndex(where: { $0.group.name == "sloth-slo-alerts-\(slo.id)" }) {
            let annotations = SLOAlertAnnotations(slo: slo, conditions: generator.alertConditions(for: slo), engine: engine)
            for (index, rule) in groups[alerts].group.rules.enumerated() {
                guard case .alerting(let alerting) = rule, alerting.alert == slo.alerting.name,
                      let severity = alerting.labels["sloth_severity"].flatMap(AlertSeverity.init(rawValue:))
                else { continue }
                groups[alerts].overrides[index] = RuleOverride(annotations: { time, reader in
                    await annotations.annotations(severity, at: time, reader: reader)
                })
            }
        }
        guard let sli = groups.firstIndex(where: { $0.group.name == "sloth-slo-sli-recordings-\(slo.id)" }) else { return groups }
        let periodName = generator.periodWindowName(slo)
        switch slo.period {
        case .rolling:
            guard generator.options.mode == .exactPeriod else { return groups }
            for (index, rule) in groups[sli].group.rules.enumerated() {
                if case .recording(let recording) = rule, recording.record == SLORuleGenerator.ratioRecord(periodName) {
                    groups[sli].overrides[index] = RuleOverride(engine: observed)
                }
            }
        case .calendar:
            // The rule as it stands now gives the record name and labels; its range is recomputed
            // at each evaluation.
            let placeholder = try generator.periodWindowRule(for: slo, at: Date())
            let generator = self.generator
            groups[sli].group.rules.append(.recording(placeholder))
            let expression: @Sendable (Int64) -> Expr? = { time in
                let date = Date(timeIntervalSince1970: Double(time) / 1000)
                guard let rule = try? generator.periodWindowRule(for: slo, at: date) else { return nil }
                return try? Parser.parse(rule.expr)
            }
            groups[sli].overrides[groups[sli].group.rules.count - 1] = RuleOverride(
                engine: generator.options.mode == .exactPeriod ? observed : engine, expression: expression)
        }
        return groups
    }
}
