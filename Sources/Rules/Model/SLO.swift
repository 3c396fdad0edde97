/// One service level objective, in the internal model every rule format loads into.
public struct SLO: Sendable, Hashable, Identifiable {
    /// Unique id across all loaded files, e.g. `myservice-requests-availability` (Sloth: service-name).
    public var id: String
    /// The SLO's name within its service.
    public var name: String
    /// The service it belongs to.
    public var service: String
    /// A human description.
    public var description: String
    /// The objective as a ratio of good events, in (0, 1]: 99.9% is 0.999.
    public var objective: Double
    /// Labels attached to every series and alert of the SLO.
    public var labels: [String: String]
    /// How the SLI is measured.
    public var indicator: SLI
    /// The budget period.
    public var period: SLOPeriod
    /// How budget is counted.
    public var budgeting: BudgetingMethod
    /// Labels to group by: one SLO state per distinct value set (e.g. per `model`); empty for one state.
    public var groupBy: [String]
    /// The low-traffic guard: no burn-rate alert unless the long window saw at least this many events.
    public var minEvents: Double?
    /// Alerts raised by the SLO.
    public var alerting: SLOAlerting
    /// Where it is defined.
    public var location: SourceLocation
    /// The format it was read from.
    public var format: SourceFormat

    /// Creates an SLO.
    public init(
        id: String, name: String, service: String, description: String = "", objective: Double,
        labels: [String: String] = [:], indicator: SLI, period: SLOPeriod = .default,
        budgeting: BudgetingMethod = .occurrences, groupBy: [String] = [], minEvents: Double? = nil,
        alerting: SLOAlerting = SLOAlerting(), location: SourceLocation, format: SourceFormat
    ) {
        self.id = id
        self.name = name
        self.service = service
        self.description = description
        self.objective = objective
        self.labels = labels
        self.indicator = indicator
        self.period = period
        self.budgeting = budgeting
        self.groupBy = groupBy
        self.minEvents = minEvents
        self.alerting = alerting
        self.location = location
        self.format = format
    }
}
