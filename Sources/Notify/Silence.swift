public import Rules
public import Storage

/// A silence: alerts whose labels match every matcher are not notified between `startsAt` and
/// `endsAt`. Times are milliseconds since the epoch.
public struct Silence: Sendable, Hashable {
    /// The silence's id, a UUID.
    public var id: String
    /// The conditions, all of which an alert must meet.
    public var matchers: [AlertMatcher]
    /// When it starts muting.
    public var startsAt: Int64
    /// When it stops muting.
    public var endsAt: Int64
    /// Who created it.
    public var createdBy: String
    /// Why.
    public var comment: String
    /// When it was last changed.
    public var updatedAt: Int64

    /// Creates a silence.
    public init(id: String, matchers: [AlertMatcher], startsAt: Int64, endsAt: Int64, createdBy: String, comment: String, updatedAt: Int64) {
        self.id = id
        self.matchers = matchers
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.createdBy = createdBy
        self.comment = comment
        self.updatedAt = updatedAt
    }

    /// Whether the silence is pending, active or expired at `now`.
    public func state(at now: Int64) -> SilenceState {
        if now >= endsAt { return .expired }
        if now < startsAt { return .pending }
        return .active
    }

    /// Whether the silence's matchers all accept `labels` (whatever its state).
    public func matches(_ labels: Labels) -> Bool {
        matchers.matches { labels[$0] }
    }

    /// Whether the silence mutes `labels` at `now`.
    public func mutes(_ labels: Labels, at now: Int64) -> Bool {
        state(at: now) == .active && matches(labels)
    }

    /// What is wrong with the silence, as Alertmanager checks a new one; empty when valid.
    public var problems: [String] {
        var problems: [String] = []
        if matchers.isEmpty {
            problems.append("at least one matcher is required")
        } else if matchers.allSatisfy({ $0.matches("") }) {
            problems.append("at least one matcher must not match the empty string")
        }
        for matcher in matchers where !Names.isValidLabelName(matcher.name) {
            problems.append("invalid label name \"\(matcher.name)\"")
        }
        if endsAt <= startsAt { problems.append("the end time must be after the start time") }
        if createdBy.isEmpty { problems.append("createdBy must not be empty") }
        if comment.isEmpty { problems.append("comment must not be empty") }
        return problems
    }

    /// The silence ended at `now`: an active one ends now, a pending one starts and ends now,
    /// an expired one is returned unchanged.
    public func expired(at now: Int64) -> Silence {
        var copy = self
        switch state(at: now) {
        case .expired: return self
        case .pending: copy.startsAt = now
        case .active: break
        }
        copy.endsAt = now
        copy.updatedAt = now
        return copy
    }
}
