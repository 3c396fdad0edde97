public import PromQL
public import Rules
public import SLO
public import Storage

/// Measures an SLO incident's impact from the SLI's samples: the 5m burn rate (the SLI's error
/// ratio over 5 minutes ÷ the error budget `1 − objective`) evaluated as a range query at the
/// evaluation interval, on steps aligned to the detection time.
///
/// - Impact start: the first step in `[detection − lookback, detection]` whose burn rate exceeds
///   1, the lookback being the longest alert window of the incident's severity (of every
///   severity when it has none of the SLO's); detection itself when none does.
/// - Recovery: the step after the last one, from the impact start on, whose burn rate exceeds 1;
///   none while the latest step still exceeds 1.
/// - Peak: the highest burn rate from the impact start to the recovery (or the latest step).
/// - Budget consumed: the errors counted from the impact start to the recovery (or the latest
///   step), exactly (`Engine.observedChange`, as the period figures), ÷ the period's budget in
///   events (`(1 − objective)` × the events of the period ending then). For SLIs that do not
///   count events (raw ratios, gauges), the error ratio over that stretch × its share of the
///   period ÷ `(1 − objective)`.
///
/// A step without a ratio (no traffic) counts as not burning.
public struct ImpactAnalyzer: Sendable {
    /// The SLOs by id.
    public var slos: [String: SLO]
    /// The rule generator, for the SLOs' alert windows.
    public var generator: SLORuleGenerator
    /// The step of the burn-rate range queries, in milliseconds: the evaluation interval.
    public var step: Int64
    /// The engine of the burn rates; the budget uses a copy with `observedChange`.
    public var engine: Engine

    /// An analyzer for the SLOs of `ruleSet`, stepping at `step`.
    public init(ruleSet: RuleSet, step: Duration, engine: Engine = Engine()) {
        self.slos = Dictionary(ruleSet.slos.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.generator = SLORuleGenerator(ruleSet: ruleSet, options: SLORuleOptions(mode: .exactPeriod))
        let (seconds, attoseconds) = step.components
        self.step = max(1_000, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        self.engine = engine
    }

    /// The impact of the incident of SLO `id` (the state with `groupLabels`), detected at
    /// `detectedAt`, as the samples show it up to `end` (milliseconds).
    public func impact(
        slo id: String, groupLabels: [String: String], severity: String, detectedAt: Int64, until end: Int64, reader: some SampleReader
    ) async throws(IncidentError) -> IncidentImpact {
        guard let slo = slos[id] else { throw IncidentError(.notFound, "SLO \"\(id)\" is not loaded") }
        let query = SLIQuery(slo: slo)
        let budget = 1 - slo.objective
        guard budget > 0 else { throw IncidentError(.badInput, "SLO \"\(id)\" has an objective of 100%: no budget to burn") }
        guard let ratioText = query.errorRatio(.seconds(300)) else {
            throw IncidentError(.badInput, "SLO \"\(id)\": its SLI is a Sloth plugin, which Burnrate does not run")
        }
        let lookback = lookback(for: slo, severity: severity)
        let start = detectedAt - (lookback / step) * step
        let last = detectedAt + max(0, (end - detectedAt) / step) * step
        let rates = try await series(ratioText, from: start, to: last, groupLabels: groupLabels, slo: id, reader: reader).mapValues { $0 / budget }
        func burning(_ t: Int64) -> Bool { (rates[t] ?? 0) > 1 }

        let startedAt = stride(from: start, through: detectedAt, by: Int(step)).first(where: burning) ?? detectedAt
        let lastBurning = stride(from: last, through: startedAt, by: -Int(step)).first(where: burning)
        let recoveredAt: Int64? = switch lastBurning {
        case .none: startedAt
        case .some(let t) where t == last: nil
        case .some(let t): t + step
        }
        let through = recoveredAt ?? last
        let peak = rates.filter { $0.key >= startedAt && $0.key <= through && $0.value.isFinite }.values.max()
        let consumed = try await budgetConsumed(slo, query: query, from: startedAt, to: through, groupLabels: groupLabels, reader: reader)
        return IncidentImpact(startedAt: startedAt, recoveredAt: recoveredAt, peakBurnRate: peak, budgetConsumed: consumed)
    }

    /// The longest long window of the SLO's alert conditions of `severity` (of all when none is of it).
    func lookback(for slo: SLO, severity: String) -> Int64 {
        let conditions = generator.alertConditions(for: slo)
        let own = conditions.filter { $0.severity.rawValue == severity }
        let longest = (own.isEmpty ? conditions : own).map(\.long).max() ?? .seconds(3600)
        let (seconds, _) = longest.components
        return seconds * 1000
    }

    private func budgetConsumed(
        _ slo: SLO, query: SLIQuery, from start: Int64, to end: Int64, groupLabels: [String: String], reader: some SampleReader
    ) async throws(IncidentError) -> Double? {
        guard end > start, let period = SLOStatusCalculator.periodWindow(slo.period, at: end) else { return end == start ? 0 : nil }
        var observed = engine
        observed.observedChange = true
        let window = Duration.milliseconds(end - start)
        guard let ratioText = query.errorRatio(window),
              let ratio = try await value(ratioText, engine: observed, at: end, groupLabels: groupLabels, slo: slo.id, reader: reader)
        else { return nil }
        let budget = 1 - slo.objective
        if let countText = query.eventCount(window), let periodText = query.eventCount(.milliseconds(period.elapsed)) {
            guard let events = try await value(countText, engine: observed, at: end, groupLabels: groupLabels, slo: slo.id, reader: reader),
                  let periodEvents = try await value(periodText, engine: observed, at: end, groupLabels: groupLabels, slo: slo.id, reader: reader),
                  periodEvents > 0
            else { return nil }
            return ratio * events / (budget * periodEvents)
        }
        return ratio * Double(end - start) / Double(period.length) / budget
    }

    /// The range query's points of the series matching `groupLabels`, by time.
    private func series(
        _ text: String, from start: Int64, to end: Int64, groupLabels: [String: String], slo: String, reader: some SampleReader
    ) async throws(IncidentError) -> [Int64: Double] {
        let expr = try parse(text, slo: slo)
        let value: Value
        do {
            value = try await engine.rangeQuery(expr, start: start, end: end, step: step, reader: reader)
        } catch {
            throw IncidentError(.storage, "SLO \"\(slo)\": \(error.message)")
        }
        guard case .matrix(let series) = value else { return [:] }
        var points: [Int64: Double] = [:]
        for entry in series where Self.matches(entry.labels, groupLabels) {
            for point in entry.points where !point.v.isNaN { points[point.t] = max(points[point.t] ?? -.infinity, point.v) }
        }
        return points
    }

    /// The instant value of the series matching `groupLabels`; nil without one (or NaN).
    private func value(
        _ text: String, engine: Engine, at time: Int64, groupLabels: [String: String], slo: String, reader: some SampleReader
    ) async throws(IncidentError) -> Double? {
        let expr = try parse(text, slo: slo)
        let value: Value
        do {
            value = try await engine.instantQuery(expr, at: time, reader: reader)
        } catch {
            throw IncidentError(.storage, "SLO \"\(slo)\": \(error.message)")
        }
        switch value {
        case .scalar(_, let v): return v.isNaN ? nil : v
        case .vector(let samples): return samples.first { Self.matches($0.labels, groupLabels) && !$0.v.isNaN }?.v
        default: return nil
        }
    }

    private func parse(_ text: String, slo: String) throws(IncidentError) -> Expr {
        do {
            return try Parser.parse(text)
        } catch {
            throw IncidentError(.badInput, "SLO \"\(slo)\": its generated query does not parse: \(error.description)")
        }
    }

    /// Whether a result's labels belong to the state with `groupLabels`.
    static func matches(_ labels: Labels, _ groupLabels: [String: String]) -> Bool {
        groupLabels.allSatisfy { labels[$0.key] == $0.value }
    }
}
