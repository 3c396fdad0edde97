/// How error budget is counted (OpenSLO's `budgetingMethod`).
public enum BudgetingMethod: Sendable, Hashable {
    /// Bad events over all events in the period.
    case occurrences
    /// The fraction of good time slices: a slice of `window` is good when its SLI meets `target`.
    case timeslices(target: Double, window: Duration)
    /// Good events over all events, counted per time slice of `window` and summed.
    case ratioTimeslices(window: Duration)
}
