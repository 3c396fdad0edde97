import Alerting
import Foundation
import Rules
import SLO
import Storage
import TestSupport
import Testing

/// Budget figures against a brute force over the raw samples, with hand-checkable cases.
@Suite struct SLOStatusCalculatorTests {
    static func slos(_ yaml: String) throws -> RuleSet {
        let result = RuleLoader().load(files: [RuleFile(path: "slo.yml", contents: yaml)])
        guard result.isValid else { throw SLOStatusError(slo: "-", result.errors.map(\.description).joined(separator: "\n")) }
        return result.ruleSet
    }

    /// With `group_by`, the queries keep the labels (Burnrate sums them by the group).
    static func spec(period: String, groupBy: String = "", objective: Double = 99) -> String {
        let aggregate = groupBy.isEmpty ? "sum" : ""
        return """
        version: "burnrate/v1"
        service: "inference"
        slos:
          - name: "availability"
            objective: \(objective)
            period: \(period)
            group_by: [\(groupBy)]
            sli:
              events:
                error_query: \(aggregate)(rate(requests_total{code="500"}[{{.window}}]))
                total_query: \(aggregate)(rate(requests_total[{{.window}}]))
            alerting:
              name: Errors
              page_alert:
                labels: {severity: page}
              ticket_alert:
                labels: {severity: ticket}
        """
    }

    /// Two counters (ok, 500) per model, sampled every `step`, with uneven traffic: busy and quiet
    /// hours, a burst of errors in a quiet hour, and a counter reset.
    static func traffic(models: [String], from start: Int64, to end: Int64, step: Int64 = 15_000, seed: UInt64 = 1) -> [Labels: [ChunkSample]] {
        var rng = SplitMix64(seed: seed)
        var series: [Labels: [ChunkSample]] = [:]
        for model in models {
            var ok = 0.0, errors = 0.0
            var okSamples: [ChunkSample] = [], errorSamples: [ChunkSample] = []
            var t = start
            while t <= end {
                let hour = (t / 3_600_000) % 24
                let busy = hour >= 8 && hour < 20
                let requests = Double(busy ? 200 + rng.next() % 100 : 5 + rng.next() % 5)
                let errorShare = hour == 3 ? 0.5 : 0.002 * Double(rng.next() % 3)
                errors += (requests * errorShare).rounded()
                ok += requests - (requests * errorShare).rounded()
                if t == start + (end - start) / 2 { ok = 0 } // a restart of the ok counter
                okSamples.append(ChunkSample(t: t, v: ok))
                errorSamples.append(ChunkSample(t: t, v: errors))
                t += step
            }
            series[["__name__": "requests_total", "code": "200", "model": model]] = okSamples
            series[["__name__": "requests_total", "code": "500", "model": model]] = errorSamples
        }
        return series
    }

    /// Events in [start, end]: the reset-corrected steps between consecutive samples there.
    static func bruteForce(_ samples: [ChunkSample], start: Int64, end: Int64) -> Double {
        let inside = samples.filter { $0.t >= start && $0.t <= end }
        var total = 0.0
        for (previous, next) in zip(inside, inside.dropFirst()) { total += next.v >= previous.v ? next.v - previous.v : next.v }
        return total
    }

    static func reader(_ series: [Labels: [ChunkSample]]) async -> MemorySampleReader {
        let reader = MemorySampleReader()
        for (labels, samples) in series { await reader.add(labels, samples) }
        return reader
    }

    @Test func thePeriodRatioIsTrafficWeightedAndExact() async throws {
        let ruleSet = try Self.slos(Self.spec(period: "1d"))
        let day: Int64 = 86_400_000
        let series = Self.traffic(models: ["llama"], from: 0, to: 2 * day)
        let reader = await Self.reader(series)
        let time = 2 * day - 7_000
        let statuses = try await SLOStatusCalculator(ruleSet: ruleSet).statuses(for: ruleSet.slos[0], at: time, reader: reader, alerts: [])
        let status = try #require(statuses.first)
        #expect(statuses.count == 1)

        var errors = 0.0, total = 0.0
        for (labels, samples) in series {
            let events = Self.bruteForce(samples, start: time - day, end: time)
            total += events
            if labels["code"] == "500" { errors += events }
        }
        let ratio = try #require(status.periodErrorRatio)
        #expect(abs(ratio - errors / total) <= 1e-9 * (errors / total))
        #expect(abs(try #require(status.events) - total) <= 1e-9 * total)
        #expect(abs(try #require(status.errorEvents) - errors) <= 1e-9 * errors)
        #expect(abs(try #require(status.budgetRemaining) - (1 - (errors / total) / 0.01)) < 1e-9)
        #expect(abs(try #require(status.budgetEvents) - 0.01 * total) < 1e-9 * total)
        #expect(status.period == PeriodWindow(start: time - day, length: day, elapsed: day))
        #expect(status.coverage == 1)
        #expect(status.windows.map(\.window) == ["5m", "30m", "1h", "2h", "6h"])
        // The quiet hour's burst makes the mean of 5-minute ratios (Sloth's period ratio) far
        // higher than the traffic-weighted one.
        var ratios: [Double] = []
        for end in stride(from: time - day + 300_000, through: time, by: 300_000) {
            var windowErrors = 0.0, windowTotal = 0.0
            for (labels, samples) in series {
                let events = Self.bruteForce(samples, start: end - 300_000, end: end)
                windowTotal += events
                if labels["code"] == "500" { windowErrors += events }
            }
            if windowTotal > 0 { ratios.append(windowErrors / windowTotal) }
        }
        let mean = ratios.reduce(0, +) / Double(ratios.count)
        #expect(mean > 2 * ratio, "mean of 5m ratios \(mean), traffic-weighted \(ratio)")
    }

    @Test func aCalendarMonthCountsFromItsStartInItsTimeZone() async throws {
        let ruleSet = try Self.slos(Self.spec(period: "{calendar: month, time_zone: Europe/Berlin}"))
        // 2026-03-01T00:00 in Berlin is 2026-02-28T23:00Z; March has 31 days.
        let monthStart: Int64 = 1_772_319_600_000
        let series = Self.traffic(models: ["llama"], from: monthStart - 2 * 86_400_000, to: monthStart + 3 * 86_400_000, step: 60_000)
        let reader = await Self.reader(series)
        let time = monthStart + 2 * 86_400_000 + 30_000
        let status = try #require(try await SLOStatusCalculator(ruleSet: ruleSet).statuses(for: ruleSet.slos[0], at: time, reader: reader, alerts: []).first)
        #expect(status.period.start == monthStart)
        // 31 days less the hour the clocks go forward on March 29.
        #expect(status.period.length == 31 * 86_400_000 - 3_600_000)
        #expect(status.period.elapsed == time - monthStart)
        var errors = 0.0, total = 0.0
        for (labels, samples) in series {
            let events = Self.bruteForce(samples, start: monthStart, end: time)
            total += events
            if labels["code"] == "500" { errors += events }
        }
        #expect(abs(try #require(status.periodErrorRatio) - errors / total) <= 1e-9 * (errors / total))
        #expect(abs(try #require(status.events) - total) <= 1e-9 * total)
    }

    @Test func groupedSLOsHaveOneStatePerLabelSet() async throws {
        let ruleSet = try Self.slos(Self.spec(period: "1d", groupBy: "model"))
        let series = Self.traffic(models: ["llama", "mistral"], from: 0, to: 86_400_000, seed: 9)
        let reader = await Self.reader(series)
        let time: Int64 = 86_400_000
        let statuses = try await SLOStatusCalculator(ruleSet: ruleSet).statuses(for: ruleSet.slos[0], at: time, reader: reader, alerts: [])
        #expect(statuses.map(\.groupLabels) == [["model": "llama"], ["model": "mistral"]])
        for status in statuses {
            let model = status.groupLabels["model"]
            var errors = 0.0, total = 0.0
            for (labels, samples) in series where labels["model"] == model {
                let events = Self.bruteForce(samples, start: 0, end: time)
                total += events
                if labels["code"] == "500" { errors += events }
            }
            #expect(abs(try #require(status.periodErrorRatio) - errors / total) <= 1e-9 * (errors / total))
        }
    }

    @Test func coverageAndTimeToExhaustionAreHandCheckable() async throws {
        let ruleSet = try Self.slos(Self.spec(period: "4h"))
        // Data for the last 1 h of the 4 h period only: 100 requests per 15 s, 1 of them an error
        // (a ratio of 0.01: burn rate 1 against a 99% objective).
        var batch: [Labels: [ChunkSample]] = [:]
        batch[["__name__": "requests_total", "code": "200"]] = (0...240).map { ChunkSample(t: 10_800_000 + Int64($0) * 15_000, v: Double($0 * 99)) }
        batch[["__name__": "requests_total", "code": "500"]] = (0...240).map { ChunkSample(t: 10_800_000 + Int64($0) * 15_000, v: Double($0)) }
        let reader = await Self.reader(batch)
        let status = try #require(try await SLOStatusCalculator(ruleSet: ruleSet).statuses(for: ruleSet.slos[0], at: 14_400_000, reader: reader, alerts: []).first)
        #expect(abs(status.coverage - 0.25) < 1e-12)
        #expect(abs(try #require(status.periodErrorRatio) - 0.01) < 1e-12)
        #expect(abs(try #require(status.budgetRemaining)) < 1e-9)
        #expect(abs(try #require(status.burnRate("1h")) - 1) < 1e-9)
        // Budget exactly spent: nothing left to exhaust.
        #expect(status.timeToExhaustion("1h") == 0)

        // Half the budget left, burning at 2: 0.5 × 30 days ÷ 2 = 7.5 days.
        let half = SLOStatus(
            id: "x", name: "x", service: "s", objective: 0.99, time: 0,
            period: PeriodWindow(start: 0, length: 30 * 86_400_000, elapsed: 30 * 86_400_000), periodErrorRatio: 0.005,
            windows: [WindowStatus(window: "1h", milliseconds: 3_600_000, errorRatio: 0.02, burnRate: 2)], coverage: 1)
        #expect(half.timeToExhaustion("1h") == Int64(7.5 * 86_400_000))
        #expect(half.timeToExhaustion("6h") == nil)
    }

    @Test func theSLOsActiveAlertsAreAttachedToItsState() async throws {
        let ruleSet = try Self.slos(Self.spec(period: "1d", groupBy: "model"))
        let reader = await Self.reader(Self.traffic(models: ["llama", "mistral"], from: 0, to: 7_200_000))
        let id = ruleSet.slos[0].id
        let page = AlertState(
            labels: Labels(["alertname": "Errors", "sloth_id": id, "sloth_severity": "page", "model": "llama"]),
            activeAt: 60_000, value: 1, annotations: [:], holdDuration: 0)
        var firing = page
        _ = firing.on(AlertState.Event.present(at: 60_000, value: 1, annotations: [:]))
        let other = AlertState(labels: ["alertname": "Other", "sloth_id": "else", "model": "llama"], activeAt: 0, value: 1, annotations: [:], holdDuration: 0)
        let statuses = try await SLOStatusCalculator(ruleSet: ruleSet).statuses(for: ruleSet.slos[0], at: 7_200_000, reader: reader, alerts: [firing, other])
        #expect(statuses.first { $0.groupLabels["model"] == "llama" }?.alerts == [SLOAlertStatus(name: "Errors", severity: "page", state: "firing", activeAt: 60_000)])
        #expect(statuses.first { $0.groupLabels["model"] == "mistral" }?.alerts.isEmpty == true)
    }
}
