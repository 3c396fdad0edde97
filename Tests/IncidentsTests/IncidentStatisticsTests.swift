import Incidents
import Testing

/// Statistics over a small set worked out by hand.
@Suite struct IncidentStatisticsTests {
    /// An incident of `service` with times in minutes.
    static func incident(
        _ id: Int64, service: String, impact: Int64?, detected: Int64, acknowledged: Int64?, recovered: Int64?, resolved: Int64?,
        flag: IncidentFlag? = nil
    ) -> Incident {
        var incident = Incident(
            id: id, key: IncidentKey(labels: ["sloth_id": "\(service)-availability"]),
            alert: IncidentAlert(labels: sloAlert("\(service)-availability").merging(["sloth_service": service]) { $1 }, severity: "page", firedAt: minutes(detected)))
        incident.impactStartedAt = impact.map(minutes)
        incident.acknowledgedAt = acknowledged.map(minutes)
        incident.recoveredAt = recovered.map(minutes)
        incident.resolvedAt = resolved.map(minutes)
        incident.flag = flag
        return incident
    }

    static let incidents = [
        // detect 2m, ack 3m, recover 10m, resolve 20m
        incident(1, service: "checkout", impact: 100, detected: 102, acknowledged: 105, recovered: 110, resolved: 122),
        // detect 4m, ack 1m, recover 30m, resolve 40m
        incident(2, service: "checkout", impact: 200, detected: 204, acknowledged: 205, recovered: 230, resolved: 244),
        // detect 6m, never acknowledged, recover 8m, resolve 12m
        incident(3, service: "checkout", impact: 300, detected: 306, acknowledged: nil, recovered: 308, resolved: 318),
        // a maintenance window: left out
        incident(4, service: "checkout", impact: 400, detected: 401, acknowledged: 402, recovered: 500, resolved: 600, flag: .maintenance),
        // search: still open, detect 1m, ack 9m
        incident(5, service: "search", impact: 500, detected: 501, acknowledged: 510, recovered: nil, resolved: nil),
    ]

    @Test func summariesByService() {
        let stats = IncidentStatistics.compute(Self.incidents, by: .service)
        #expect(stats.map(\.group) == [["service": "checkout"], ["service": "search"]])
        let checkout = stats[0]
        #expect(checkout.count == 3 && checkout.excluded == 1)
        // Detect 2, 4, 6 minutes: mean 4m, median 4m, p90 at rank 1.8 → 4 + 0.8 × 2 = 5.6m.
        #expect(close(checkout.timeToDetect, count: 3, mean: 240, median: 240, p90: 336))
        // Acknowledge 3 and 1 minutes: mean 2m, median 2m, p90 at rank 0.9 → 1 + 0.9 × 2 = 2.8m.
        #expect(close(checkout.timeToAcknowledge, count: 2, mean: 120, median: 120, p90: 168))
        // Recover 10, 30, 8: sorted 8, 10, 30: mean 16m, median 10m, p90 10 + 0.8 × 20 = 26m.
        #expect(close(checkout.timeToRecover, count: 3, mean: 960, median: 600, p90: 1560))
        // Resolve 20, 40, 12: sorted 12, 20, 40: mean 24m, median 20m, p90 20 + 0.8 × 20 = 36m.
        #expect(close(checkout.timeToResolve, count: 3, mean: 1440, median: 1200, p90: 2160))
        let search = stats[1]
        #expect(search.count == 1 && close(search.timeToAcknowledge, count: 1, mean: 540, median: 540, p90: 540))
        #expect(search.timeToResolve == DurationSummary([]))
    }

    @Test func allTogetherAndBySLO() {
        let all = IncidentStatistics.compute(Self.incidents, by: .all)
        #expect(all.count == 1 && all[0].count == 4 && all[0].excluded == 1 && all[0].group == [:])
        // Detect 2, 4, 6, 1 → sorted 1, 2, 4, 6: median (2 + 4) / 2 = 3m, p90 at rank 2.7 → 4 + 0.7 × 2 = 5.4m.
        #expect(all[0].timeToDetect.median == 180)
        #expect(abs((all[0].timeToDetect.p90 ?? 0) - 324) < 1e-9)
        let bySLO = IncidentStatistics.compute(Self.incidents, by: .slo)
        #expect(bySLO.map(\.group) == [["slo": "checkout-availability"], ["slo": "search-availability"]])
    }

    /// Whether `summary` has these figures, to 1e-9 s.
    private func close(_ summary: DurationSummary, count: Int, mean: Double, median: Double, p90: Double) -> Bool {
        func near(_ value: Double?, _ expected: Double) -> Bool { value.map { abs($0 - expected) < 1e-9 } ?? false }
        return summary.count == count && near(summary.mean, mean) && near(summary.median, median) && near(summary.p90, p90)
    }
}
