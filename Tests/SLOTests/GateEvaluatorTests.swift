import SLO
import Testing

@Suite struct GateEvaluatorTests {
    static func status(
        ratio: Double? = 0.0005, events: Double? = 10_000, burn1h: Double = 0.5, burn6h: Double = 0.5, coverage: Double = 1,
        alerts: [SLOAlertStatus] = []
    ) -> SLOStatus {
        SLOStatus(
            id: "svc-availability", name: "availability", service: "svc", objective: 0.999, time: 0,
            period: PeriodWindow(start: 0, length: 30 * 86_400_000, elapsed: 30 * 86_400_000),
            periodErrorRatio: ratio, events: events, errorEvents: ratio.flatMap { r in events.map { r * $0 } },
            windows: [
                WindowStatus(window: "1h", milliseconds: 3_600_000, errorRatio: burn1h * 0.001, burnRate: burn1h),
                WindowStatus(window: "6h", milliseconds: 21_600_000, errorRatio: burn6h * 0.001, burnRate: burn6h),
            ],
            coverage: coverage, alerts: alerts)
    }

    @Test func withinLimitsIsOK() {
        // 0.0005 / 0.001: half the budget spent.
        let result = GateEvaluator.judge(Self.status(), policy: GatePolicy(minRemaining: 0.25))
        #expect(result.verdict == .ok)
        #expect(result.reasons.isEmpty)
        #expect(GateEvaluator.decide([result]) == .allow)
    }

    @Test func tooLittleBudgetLeftIsBreached() {
        let result = GateEvaluator.judge(Self.status(ratio: 0.0008), policy: GatePolicy(minRemaining: 0.25))
        #expect(result.verdict == .breached)
        #expect(result.reasons == ["20% of the error budget left, less than the 25% required"])
        #expect(GateEvaluator.decide([result]) == .deny)
        let exhausted = GateEvaluator.judge(Self.status(ratio: 0.0012), policy: GatePolicy())
        #expect(exhausted.verdict == .breached)
        #expect(exhausted.reasons == ["error budget exhausted: -20% left"])
    }

    @Test func burnRatesAboveTheirMaximumAreBreached() {
        let policy = GatePolicy(maxBurnRates: ["1h": 2, "6h": 1])
        let result = GateEvaluator.judge(Self.status(burn1h: 3, burn6h: 0.9), policy: policy)
        #expect(result.verdict == .breached)
        #expect(result.reasons == ["burn rate over 1h is 3, above the maximum 2"])
        let unknownWindow = GateEvaluator.judge(Self.status(), policy: GatePolicy(maxBurnRates: ["2d": 1]))
        #expect(unknownWindow.verdict == .breached)
    }

    @Test func firingAlertsBlockAccordingToThePolicy() {
        let ticket = SLOAlertStatus(name: "Errors", severity: "ticket", state: "firing", activeAt: 0)
        let page = SLOAlertStatus(name: "Errors", severity: "page", state: "firing", activeAt: 0)
        #expect(GateEvaluator.judge(Self.status(alerts: [ticket]), policy: GatePolicy()).verdict == .warning)
        #expect(GateEvaluator.judge(Self.status(alerts: [ticket]), policy: GatePolicy(blockOnFiring: .ticket)).verdict == .breached)
        #expect(GateEvaluator.judge(Self.status(alerts: [page]), policy: GatePolicy()).reasons == ["page alert Errors is firing"])
        #expect(GateEvaluator.judge(Self.status(alerts: [page]), policy: GatePolicy(blockOnFiring: .none)).verdict == .warning)
        let pending = SLOAlertStatus(name: "Errors", severity: "page", state: "pending", activeAt: 0)
        #expect(GateEvaluator.judge(Self.status(alerts: [pending]), policy: GatePolicy()).verdict == .ok)
    }

    @Test func unresolvedIncidentsBlockWhenAsked() {
        let incident = GateIncident(id: 7, status: "acknowledged", severity: "page")
        #expect(GateEvaluator.judge(Self.status(), policy: GatePolicy(), incidents: [incident]).verdict == .ok)
        let blocked = GateEvaluator.judge(Self.status(), policy: GatePolicy(blockOnIncident: true), incidents: [incident])
        #expect(blocked.verdict == .breached)
        #expect(blocked.reasons == ["incident 7 (page) is acknowledged"])
        #expect(GateEvaluator.judge(Self.status(), policy: GatePolicy(blockOnIncident: true)).verdict == .ok)
    }

    @Test func burningFasterThanSustainableIsAWarning() {
        let result = GateEvaluator.judge(Self.status(burn1h: 1.5), policy: GatePolicy())
        #expect(result.verdict == .warning)
        #expect(result.reasons == ["burn rate over 1h is 1.5: the budget is burning faster than it lasts"])
        #expect(GateEvaluator.decide([result]) == .allow)
    }

    @Test func missingDataIsUnknown() {
        let none = GateEvaluator.judge(Self.status(ratio: nil, events: 0), policy: GatePolicy())
        #expect(none.verdict == .insufficientData)
        #expect(none.reasons == ["no events in the period (30d so far)"])
        let thin = GateEvaluator.judge(Self.status(coverage: 0.3), policy: GatePolicy(minCoverage: 0.5))
        #expect(thin.verdict == .insufficientData)
        #expect(thin.reasons == ["data covers 30% of the period so far, less than the 50% asked"])
        #expect(GateEvaluator.decide([thin]) == .unknown)
        // A deny wins over unknown; an unknown SLO makes an otherwise allowed deploy unknown.
        let breached = GateEvaluator.judge(Self.status(ratio: 0.002), policy: GatePolicy())
        #expect(GateEvaluator.decide([thin, breached]) == .deny)
        let ok = GateEvaluator.judge(Self.status(), policy: GatePolicy())
        #expect(GateEvaluator.decide([ok], unknownSLOs: ["nope"]) == .unknown)
        #expect(GateEvaluator.decide([]) == .unknown)
    }

    @Test func burnRateLimitsParse() {
        #expect(GatePolicy.burnRates("1h=2,6h=1") == ["1h": 2, "6h": 1])
        #expect(GatePolicy.burnRates("1h=2, 6h = 0.5") == ["1h": 2, "6h": 0.5])
        #expect(GatePolicy.burnRates("1h") == nil)
        #expect(GatePolicy.burnRates("1h=x") == nil)
        #expect(GatePolicy.burnRates("1h=-1") == nil)
        #expect(GatePolicy.burnRates("") == nil)
    }

    @Test func exitCodes() {
        #expect([GateDecision.allow, .deny, .unknown].map(\.exitCode) == [0, 1, 3])
    }
}
