import Incidents
import Logging
import Rules
import Storage
import Testing

/// The impact of an incident measured on synthetic samples: 10 requests per second, 10% of them
/// failing from minute 60 to minute 90 (a 99% objective: burn rate 10), none otherwise.
@Suite struct ImpactAnalyzerTests {
    static let spec = """
        version: "prometheus/v1"
        service: "checkout"
        slos:
          - name: "availability"
            objective: 99
            sli:
              events:
                error_query: sum(rate(requests_total{code="500"}[{{.window}}]))
                total_query: sum(rate(requests_total[{{.window}}]))
            alerting:
              name: CheckoutErrors
              page_alert: {labels: {severity: page}}
              ticket_alert: {labels: {severity: ticket}}
        """

    /// Errors in the 15-second step ending at `step × 15 s`.
    static func errors(atStep step: Int) -> Int { step > 240 && step <= 360 ? 15 : 0 }

    static func reader() async -> MemorySampleReader {
        let reader = MemorySampleReader()
        var ok: [ChunkSample] = []
        var failed: [ChunkSample] = []
        var okTotal = 0, failedTotal = 0
        for step in 0...480 {
            if step > 0 {
                failedTotal += errors(atStep: step)
                okTotal += 150 - errors(atStep: step)
            }
            ok.append(ChunkSample(t: Int64(step) * 15_000, v: Double(okTotal)))
            failed.append(ChunkSample(t: Int64(step) * 15_000, v: Double(failedTotal)))
        }
        await reader.add(["__name__": "requests_total", "code": "200"], ok)
        await reader.add(["__name__": "requests_total", "code": "500"], failed)
        return reader
    }

    static func analyzer() throws -> ImpactAnalyzer {
        let result = RuleLoader().load(files: [RuleFile(path: "slo.yml", contents: spec)])
        try #require(result.isValid, "\(result.diagnostics)")
        return ImpactAnalyzer(ruleSet: result.ruleSet, step: .seconds(60))
    }

    @Test func impactStartRecoveryPeakAndBudget() async throws {
        let reader = await Self.reader()
        let impact = try await Self.analyzer().impact(
            slo: "checkout-availability", groupLabels: [:], severity: "page", detectedAt: minutes(66), until: minutes(120), reader: reader)
        // At 61m the 5m window holds the first minute of errors (2%: burn rate 2); at 60m none.
        #expect(impact.startedAt == minutes(61))
        // At 94m the window still holds the last minute of errors; from 95m on, none.
        #expect(impact.recoveredAt == minutes(95))
        #expect(abs((impact.peakBurnRate ?? 0) - 10) < 1e-9)
        // Errors counted from the sample at 61m to the one at 95m, over 1% of every request since 0.
        let steps = 61 * 4 + 1...95 * 4
        let errors = Double(steps.map(Self.errors(atStep:)).reduce(0, +))
        let periodBudget = 0.01 * Double(95 * 4 * 150)
        #expect(abs((impact.budgetConsumed ?? 0) - errors / periodBudget) < 1e-9)
    }

    @Test func stillBurningHasNoRecovery() async throws {
        let reader = await Self.reader()
        let impact = try await Self.analyzer().impact(
            slo: "checkout-availability", groupLabels: [:], severity: "page", detectedAt: minutes(66), until: minutes(80), reader: reader)
        #expect(impact.startedAt == minutes(61) && impact.recoveredAt == nil)
        let errors = Double((61 * 4 + 1...80 * 4).map(Self.errors(atStep:)).reduce(0, +))
        #expect(abs((impact.budgetConsumed ?? 0) - errors / (0.01 * Double(80 * 4 * 150))) < 1e-9)
    }

    @Test func trackerRecordsTheImpact() async throws {
        let reader = await Self.reader()
        let (tracker, _) = memoryTracker()
        try await tracker.observe(alerts: [firing(sloAlert(), since: minutes(66))], at: minutes(66))
        await tracker.analyze(at: minutes(70), analyzer: try Self.analyzer(), reader: reader)
        var incident = try #require(try await tracker.incident(id: 1))
        #expect(incident.impactStartedAt == minutes(61) && incident.recoveredAt == nil)
        try await tracker.observe(alerts: [resolved(sloAlert(), firedAt: minutes(66), at: minutes(110))], at: minutes(110))
        await tracker.analyze(at: minutes(110), analyzer: try Self.analyzer(), reader: reader)
        incident = try #require(try await tracker.incident(id: 1))
        #expect(incident.status == .resolved && incident.recoveredAt == minutes(95))
        #expect(incident.peakBurnRate.map { abs($0 - 10) < 1e-9 } == true)
    }

    @Test func unknownSLOIsAnError() async throws {
        await #expect(throws: IncidentError(.notFound, "SLO \"nope\" is not loaded")) {
            try await Self.analyzer().impact(slo: "nope", groupLabels: [:], severity: "page", detectedAt: 0, until: 0, reader: MemorySampleReader())
        }
    }
}
