/// The budgeting methods OpenSLO names (`Occurrences`, `Timeslices`, `RatioTimeslices`).
enum OpenSLOBudgetingMethodName: String, Sendable, CaseIterable {
    /// Good events over all events.
    case occurrences = "Occurrences"
    /// Good time slices over all time slices.
    case timeslices = "Timeslices"
    /// Good events over all events, per time slice.
    case ratioTimeslices = "RatioTimeslices"
}
