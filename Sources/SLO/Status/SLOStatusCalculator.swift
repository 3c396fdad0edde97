public import Alerting
internal import Foundation
public import PromQL
public import Rules
public import Storage

/// Computes `SLOStatus`es from stored samples at one time: the error ratio over each alert window
/// (Prometheus' `rate`, as the alerts see it), the period's error ratio and events counted
/// exactly (the events observed in the period, `Engine.observedChange`: errors over the period
/// divided by events over the period), the period's data coverage, and the SLO's active alerts.
public struct SLOStatusCalculator: Sendable {
    /// The generator whose windows and SLI queries the statuses use.
    public var generator: SLORuleGenerator
    /// The engine of the window ratios; the period figures use a copy with `observedChange`.
    public var engine: Engine

    /// A calculator for the SLOs of `ruleSet` (its alert-window catalogs).
    public init(ruleSet: RuleSet, engine: Engine = Engine()) {
        self.generator = SLORuleGenerator(ruleSet: ruleSet, options: SLORuleOptions(mode: .exactPeriod))
        self.engine = engine
    }

    /// The states of `slo` at `time` (milliseconds), one per label set of its `group_by` (one when
    /// ungrouped), sorted by labels. `alerts` are the active alerts of every rule; the SLO's are
    /// those with its `sloth_id`.
    public func statuses(for slo: SLO, at time: Int64, reader: some SampleReader, alerts: [AlertState]) async throws(SLOStatusError) -> [SLOStatus] {
        let query = SLIQuery(slo: slo)
        guard let period = Self.periodWindow(slo.period, at: time) else {
            throw SLOStatusError(slo: slo.id, "its period's time zone is unknown")
        }
        var observed = engine
        observed.observedChange = true
        let elapsed = Duration.milliseconds(period.elapsed)

        guard let periodExpr = query.errorRatio(elapsed) else {
            throw SLOStatusError(slo: slo.id, "its SLI is a Sloth plugin, which Burnrate does not run")
        }
        let periodRatios = try await vector(periodExpr, engine: observed, at: time, reader: reader, slo: slo)
        var events: [Labels: Double] = [:]
        if let eventExpr = query.eventCount(elapsed) {
            events = try await vector(eventExpr, engine: observed, at: time, reader: reader, slo: slo)
        }
        let windows = SLIWindows.windows(for: generator.alertConditions(for: slo), period: nil)
            .filter { SlothNumber.milliseconds($0) < period.length }
        var windowRatios: [(name: String, milliseconds: Int64, values: [Labels: Double])] = []
        for window in windows {
            guard let expr = query.errorRatio(window) else { continue }
            windowRatios.append((SlothNumber.format(window), SlothNumber.milliseconds(window), try await vector(expr, engine: engine, at: time, reader: reader, slo: slo)))
        }
        let coverage = try await coverage(of: periodExpr, period: period, at: time, reader: reader, slo: slo)

        var keys = Set(periodRatios.keys).union(events.keys)
        for window in windowRatios { keys.formUnion(window.values.keys) }
        if keys.isEmpty { keys.insert(Labels()) }
        let budget = 1 - slo.objective
        return keys.sorted().map { labels in
            var groupLabels: [String: String] = [:]
            for label in labels where label.name != Label.metricName { groupLabels[label.name] = label.value }
            let ratio = periodRatios[labels].flatMap { $0.isNaN ? nil : $0 }
            let eventCount = events[labels]
            return SLOStatus(
                id: slo.id, name: slo.name, service: slo.service, objective: slo.objective, groupLabels: groupLabels,
                time: time, period: period, periodErrorRatio: ratio, events: eventCount,
                errorEvents: ratio.flatMap { ratio in eventCount.map { ratio * $0 } },
                windows: windowRatios.map { window in
                    let value = window.values[labels].flatMap { $0.isNaN ? nil : $0 }
                    return WindowStatus(window: window.name, milliseconds: window.milliseconds, errorRatio: value, burnRate: value.map { $0 / budget })
                },
                coverage: coverage,
                alerts: Self.alerts(of: slo, labels: groupLabels, in: alerts))
        }
    }

    /// The budget remaining of each state of `slo` at every `step` from `start` to `end`
    /// (milliseconds): 1 − period error ratio ÷ error budget, the period being the one at each
    /// step (for a calendar period, since its start). States without data at a step are absent.
    public func budgetHistory(for slo: SLO, from start: Int64, to end: Int64, step: Int64, reader: some SampleReader) async throws(SLOStatusError) -> [BudgetPoint] {
        let query = SLIQuery(slo: slo)
        var observed = engine
        observed.observedChange = true
        var points: [BudgetPoint] = []
        for time in stride(from: start, through: end, by: Int(max(step, 1))) {
            guard let period = Self.periodWindow(slo.period, at: time), let expr = query.errorRatio(.milliseconds(period.elapsed)) else {
                throw SLOStatusError(slo: slo.id, "its period or SLI cannot be evaluated")
            }
            var remaining: [[String: String]: Double] = [:]
            for (labels, ratio) in try await vector(expr, engine: observed, at: time, reader: reader, slo: slo) where ratio.isFinite {
                var group: [String: String] = [:]
                for label in labels { group[label.name] = label.value }
                remaining[group] = 1 - ratio / (1 - slo.objective)
            }
            points.append(BudgetPoint(time: time, remaining: remaining))
        }
        return points
    }

    /// The period at `time`: the last `length` for a rolling period; for a calendar one, from its
    /// start in its time zone, with the full length of the month (week, quarter...) it is in.
    public static func periodWindow(_ period: SLOPeriod, at time: Int64) -> PeriodWindow? {
        switch period {
        case .rolling(let length):
            let milliseconds = SlothNumber.milliseconds(length)
            return PeriodWindow(start: time - milliseconds, length: milliseconds, elapsed: milliseconds)
        case .calendar(let unit, let timeZone):
            let date = Date(timeIntervalSince1970: Double(time) / 1000)
            guard let start = CalendarPeriod.start(of: unit, containing: date, timeZone: timeZone) else { return nil }
            // A point safely inside the next period: the nominal length plus half a day (days)
            // or three days (longer units).
            let step: TimeInterval = unit == .day ? 36 * 3600 : (SlothNumber.seconds(period.nominalLength) + 3 * 86_400)
            guard let next = CalendarPeriod.start(of: unit, containing: start.addingTimeInterval(step), timeZone: timeZone) else { return nil }
            let startMs = Int64((start.timeIntervalSince1970 * 1000).rounded())
            let nextMs = Int64((next.timeIntervalSince1970 * 1000).rounded())
            return PeriodWindow(start: startMs, length: nextMs - startMs, elapsed: max(1, time - startMs))
        }
    }

    private func vector(_ text: String, engine: Engine, at time: Int64, reader: some SampleReader, slo: SLO) async throws(SLOStatusError) -> [Labels: Double] {
        let expr: Expr
        do {
            expr = try Parser.parse(text)
        } catch {
            throw SLOStatusError(slo: slo.id, "its generated query does not parse: \(error.description)")
        }
        let value: Value
        do {
            value = try await engine.instantQuery(expr, at: time, reader: reader)
        } catch {
            throw SLOStatusError(slo: slo.id, error.message)
        }
        switch value {
        case .vector(let samples):
            var result: [Labels: Double] = [:]
            for sample in samples { result[sample.labels.removing(Label.metricName)] = sample.v }
            return result
        case .scalar(_, let v):
            return [Labels(): v]
        default:
            return [:]
        }
    }

    /// The share of the period so far for which the SLI's series have data: all of it when they
    /// have a sample before the period began (within Prometheus' 5-minute lookback), else from
    /// the earliest sample any of them has in the period to `time`.
    private func coverage(of text: String, period: PeriodWindow, at time: Int64, reader: some SampleReader, slo: SLO) async throws(SLOStatusError) -> Double {
        guard let expr = try? Parser.parse(text) else { return 0 }
        var earliest: Int64?
        for selector in expr.vectorSelectors {
            do {
                let matchers = try Engine.seriesMatchers(selector)
                for series in try await reader.selectSummarised(matchers: matchers, start: period.start - Self.lookback, end: time) {
                    if let first = series.accumulate().first?.t { earliest = min(earliest ?? first, first) }
                }
            } catch {
                throw SLOStatusError(slo: slo.id, "cannot read its series: \(error)")
            }
        }
        guard let earliest else { return 0 }
        if earliest < period.start { return 1 }
        return min(1, max(0, Double(time - earliest) / Double(period.elapsed)))
    }

    /// How far before the period a sample shows that data was flowing when it began.
    static let lookback: Int64 = 300_000

    private static func alerts(of slo: SLO, labels: [String: String], in alerts: [AlertState]) -> [SLOAlertStatus] {
        alerts.filter { alert in
            alert.isActive && alert.labels["sloth_id"] == slo.id && labels.allSatisfy { alert.labels[$0.key] == $0.value }
        }.map { alert in
            SLOAlertStatus(
                name: alert.labels["alertname"] ?? "", severity: alert.labels["sloth_severity"] ?? alert.labels["severity"] ?? "",
                state: alert.phase.rawValue, activeAt: alert.activeAt)
        }.sorted { ($0.severity, $0.name) < ($1.severity, $1.name) }
    }
}

/// The budget remaining of an SLO's states at one time.
public struct BudgetPoint: Sendable, Hashable {
    /// Milliseconds since the epoch.
    public var time: Int64
    /// By the state's group labels (empty for an ungrouped SLO).
    public var remaining: [[String: String]: Double]

    /// Creates a point.
    public init(time: Int64, remaining: [[String: String]: Double]) {
        self.time = time
        self.remaining = remaining
    }
}

/// An SLO whose state cannot be computed.
public struct SLOStatusError: Error, Sendable, CustomStringConvertible {
    /// The SLO's id.
    public var sloID: String
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(slo: String, _ message: String) {
        self.sloID = slo
        self.message = message
    }

    public var description: String { "SLO \"\(sloID)\": \(message)" }
}
