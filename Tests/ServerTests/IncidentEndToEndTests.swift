import Alerting
import Incidents
import Server
import Storage
import Testing

private let spec = """
    version: "prometheus/v1"
    service: "checkout"
    slos:
      - name: "availability"
        objective: 99
        sli:
          events:
            error_query: sum(rate(checkout_requests_total{code="500"}[{{.window}}]))
            total_query: sum(rate(checkout_requests_total[{{.window}}]))
        alerting:
          name: CheckoutErrors
          page_alert: {labels: {severity: page}}
          ticket_alert: {disable: true}
    """

/// Synthetic traffic degrades and recovers; the server's scheduler fires and resolves the page
/// alert; the incident's impact start, recovery and budget burned match the samples.
///
/// 10 requests per second (150 per 15 s sample) from t = 0 to 3h; half of them fail from minute
/// 60 to minute 90 (a 99% objective: burn rate 50).
@Suite struct IncidentEndToEndTests {
    static let sample: Int64 = 15_000
    static let step: Int64 = 60_000

    /// Errors in the sample interval ending at sample `index`.
    static func errors(atSample index: Int64) -> Int64 { index > 240 && index <= 360 ? 75 : 0 }

    @Test func degradationAndRecoveryMakeOneMeasuredIncident() async throws {
        let server = try await TestServer(files: ["slo.yml": spec])
        var ok: [ChunkSample] = []
        var failed: [ChunkSample] = []
        var okTotal: Int64 = 0, failedTotal: Int64 = 0
        for index in Int64(0)...720 {
            if index > 0 {
                failedTotal += Self.errors(atSample: index)
                okTotal += 150 - Self.errors(atSample: index)
            }
            ok.append(ChunkSample(t: index * Self.sample, v: Double(okTotal)))
            failed.append(ChunkSample(t: index * Self.sample, v: Double(failedTotal)))
        }
        var batch = AppendBatch()
        batch.append(["__name__": "checkout_requests_total", "code": "200"], ok)
        batch.append(["__name__": "checkout_requests_total", "code": "500"], failed)
        _ = try await server.state.store.append(batch)

        // The evaluation loop, on an injected clock: a tick a minute, incidents after each.
        var pageFiredAt: Int64?
        var pageResolvedAt: Int64?
        for now in stride(from: Int64(0), through: 150 * 60_000, by: Int(Self.step)) {
            await server.state.scheduler.tick(now: now)
            await server.state.trackIncidents(now: now)
            let page = await server.state.scheduler.status().flatMap { $0.rules.flatMap(\.alerts) }.first { $0.labels["sloth_severity"] == "page" }
            pageFiredAt = pageFiredAt ?? page?.firedAt
            if let resolved = page?.resolvedAt { pageResolvedAt = resolved }
        }
        let detected = try #require(pageFiredAt)
        let resolved = try #require(pageResolvedAt)
        // The page fires on its 6h and 30m condition: the data begins at t = 0, so the 6h window's
        // error ratio passes 6% after about 8 minutes of 50% errors; it resolves once the 30m window
        // holds under 6% errors (about 26 minutes after they stop).
        #expect(detected > 67 * 60_000 && detected < 71 * 60_000)
        #expect(resolved > 116 * 60_000 && resolved < 119 * 60_000)

        let incidents = try await server.state.incidents.incidents()
        #expect(incidents.count == 1)
        let incident = try #require(incidents.first)
        #expect(incident.slo == "checkout-availability" && incident.service == "checkout" && incident.severity == "page")
        #expect(incident.detectedAt == detected && incident.resolvedAt == resolved && incident.status == .resolved)

        // Burn-rate steps are aligned to the detection. The 5m window at t covers the samples in
        // [t − 5m, t]: it holds an erroring interval from the first step at or after the first
        // erroring sample (60m15s), to the last step whose window still starts at or before the
        // sample before the last erroring one (89m45s).
        func stepAtOrAfter(_ t: Int64) -> Int64 {
            let offset = t - detected
            let steps = offset >= 0 ? (offset + Self.step - 1) / Self.step : -(-offset / Self.step)
            return detected + steps * Self.step
        }
        let impactStart = stepAtOrAfter(241 * Self.sample)
        let lastBurning = stepAtOrAfter(359 * Self.sample + 300_000 + 1) - Self.step
        #expect(incident.impactStartedAt == impactStart)
        #expect(incident.recoveredAt == lastBurning + Self.step)
        #expect(incident.peakBurnRate.map { abs($0 - 50) < 1e-6 } == true, "\(String(describing: incident.peakBurnRate))")

        // Budget: the errors between the first sample at or after the impact start and the last at
        // or before the recovery, over 1% of every request since t = 0 (the 30-day period).
        let recovered = try #require(incident.recoveredAt)
        let first = (impactStart + Self.sample - 1) / Self.sample
        let last = recovered / Self.sample
        let errors = (first + 1...last).map(Self.errors(atSample:)).reduce(0, +)
        let budget = 0.01 * Double(last * 150)
        let consumed = try #require(incident.budgetConsumed)
        #expect(abs(consumed - Double(errors) / budget) < 1e-9, "\(consumed) vs \(Double(errors) / budget)")
        #expect(consumed > 10)
    }
}
