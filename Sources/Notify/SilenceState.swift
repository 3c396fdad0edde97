/// Where a silence is in its life, as Alertmanager's API names it.
public enum SilenceState: String, Sendable, Hashable, CaseIterable {
    /// Not started yet.
    case pending
    /// Muting matching alerts.
    case active
    /// Ended.
    case expired
}
