/// What an incident did to its SLO, from the SLI's samples (`ImpactAnalyzer`).
public struct IncidentImpact: Sendable, Hashable, Codable {
    /// The first time before detection that the 5m burn rate exceeded 1 (detection when it did not).
    public var startedAt: Int64
    /// The first time after which the 5m burn rate stayed at or under 1; nil while it burns.
    public var recoveredAt: Int64?
    /// The highest 5m burn rate between the start and the recovery (or now).
    public var peakBurnRate: Double?
    /// The error budget spent between the start and the recovery (or now), as a fraction of the
    /// period's budget.
    public var budgetConsumed: Double?

    /// Creates an impact.
    public init(startedAt: Int64, recoveredAt: Int64?, peakBurnRate: Double?, budgetConsumed: Double?) {
        self.startedAt = startedAt
        self.recoveredAt = recoveredAt
        self.peakBurnRate = peakBurnRate
        self.budgetConsumed = budgetConsumed
    }
}
