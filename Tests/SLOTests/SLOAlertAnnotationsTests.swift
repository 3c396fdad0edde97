import PromQL
import Rules
@testable import SLO
import Storage
import Testing

/// The burn rates and budget left that `SLOAlertAnnotations` adds to an SLO's alerts, read from
/// its recorded series: one set of annotations per label set of a grouped SLO (few groups are
/// told apart in place, many by a table), other series of the SLO (its meta series, `ALERTS`)
/// and of other SLOs ignored.
@Suite struct SLOAlertAnnotationsTests {
    static let windows = ["5m", "30m", "1h", "2h", "6h", "1d", "3d", "30d"]

    /// The recorded ratios and remaining budget of `models` groups of the SLO `svc-slo` (ratio of
    /// window `w` in group `m`: `(m + 1) * (w + 1) / 1000`, remaining `0.5 - m / 10`), its
    /// objective, its `ALERTS`, and another SLO's ratio.
    static func reader(models: Int, at time: Int64) async -> MemorySampleReader {
        let reader = MemorySampleReader()
        let identity = ["sloth_id": "svc-slo", "sloth_service": "svc", "sloth_slo": "slo"]
        for model in 0..<models {
            let group = identity.merging(["model": "m\(model)"]) { $1 }
            for (position, window) in windows.enumerated() {
                var labels = group.merging(["sloth_window": window]) { $1 }
                labels["__name__"] = "slo:sli_error:ratio_rate\(window)"
                await reader.add(Labels(labels), [ChunkSample(t: time - 60_000, v: Double((model + 1) * (position + 1)) / 1_000)])
            }
            await reader.add(
                Labels(group.merging(["__name__": "slo:period_error_budget_remaining:ratio"]) { $1 }),
                [ChunkSample(t: time, v: 0.5 - Double(model) / 10)])
            await reader.add(Labels(group.merging(["__name__": "ALERTS", "alertstate": "firing"]) { $1 }), [ChunkSample(t: time, v: 1)])
        }
        await reader.add(Labels(identity.merging(["__name__": "slo:objective:ratio"]) { $1 }), [ChunkSample(t: time, v: 0.999)])
        await reader.add(
            Labels(["__name__": "slo:sli_error:ratio_rate5m", "sloth_id": "svc-other", "sloth_window": "5m", "model": "m0"]),
            [ChunkSample(t: time, v: 1)])
        return reader
    }

    @Test(arguments: [1, 2, 6])
    func eachGroupGetsItsOwnBurnRatesAndBudget(models: Int) async throws {
        let slo = try Specs.events("group_by: [model]")
        let generator = SLORuleGenerator(ruleSet: RuleSet(), options: SLORuleOptions(mode: .exactPeriod))
        let annotations = SLOAlertAnnotations(slo: slo, conditions: generator.alertConditions(for: slo), engine: Engine())
        let time: Int64 = 3_600_000
        let found = await annotations.annotations(.page, at: time, reader: await Self.reader(models: models, at: time))
        #expect(found.count == models)
        for model in 0..<models {
            let key = Labels(["sloth_id": "svc-slo", "sloth_service": "svc", "sloth_slo": "slo", "model": "m\(model)"])
            let values = try #require(found[key], "model \(model)")
            // Budget 0.001: the ratio of window w over it is (m + 1) * (w + 1).
            let rates = Self.windows.enumerated().map { "\($0.element): \((model + 1) * ($0.offset + 1))x" }
            #expect(values["burn_rates"] == rates.joined(separator: ", "))
            #expect(values["budget_remaining"] == SLOAlertAnnotations.number((0.5 - Double(model) / 10) * 100) + "%")
            #expect(values["windows"] == "page: 1h and 5m above 14.4x, or 6h and 30m above 6x")
        }
    }

    /// The recorded series are taken as an instant selector takes them at the alert's time: a
    /// series whose latest sample is a stale marker, or older than the lookback delta, gives no
    /// figure, and a sample after the time is not seen.
    @Test func seriesAreTakenAsAnInstantSelectorTakesThem() async throws {
        let slo = try Specs.events("")
        let generator = SLORuleGenerator(ruleSet: RuleSet(), options: SLORuleOptions(mode: .exactPeriod))
        let annotations = SLOAlertAnnotations(slo: slo, conditions: generator.alertConditions(for: slo), engine: Engine())
        let time: Int64 = 3_600_000
        let reader = MemorySampleReader()
        let identity = ["sloth_id": "svc-slo", "sloth_service": "svc", "sloth_slo": "slo"]
        func ratio(_ window: String, _ samples: [ChunkSample]) async {
            let labels = identity.merging(["sloth_window": window, "__name__": "slo:sli_error:ratio_rate\(window)"]) { $1 }
            await reader.add(Labels(labels), samples)
        }
        await ratio("5m", [ChunkSample(t: time - 120_000, v: 0.002), ChunkSample(t: time - 60_000, v: ChunkSample.staleMarker)])
        await ratio("30m", [ChunkSample(t: time - 60_000, v: 0.003)])
        // Older than the 5-minute lookback delta.
        await ratio("1h", [ChunkSample(t: time - 300_001, v: 0.004)])
        // The lookback window's start is in it.
        await ratio("6h", [ChunkSample(t: time - 300_000, v: 0.005)])
        await reader.add(
            Labels(identity.merging(["__name__": "slo:period_error_budget_remaining:ratio"]) { $1 }),
            [ChunkSample(t: time, v: 0.25), ChunkSample(t: time + 60_000, v: 0.75)])
        let found = await annotations.annotations(.ticket, at: time, reader: reader)
        let values = try #require(found[Labels(identity)])
        #expect(values["burn_rates"] == "30m: 3x, 6h: 5x")
        #expect(values["budget_remaining"] == "25%")
        #expect(values["windows"] == "ticket: 1d and 2h above 3x, or 3d and 6h above 1x")
    }
}
