/// How long the outbox keeps what it no longer sends, and how often it is pruned.
public struct OutboxRetention: Sendable, Hashable {
    /// How long delivered messages are kept (they are never sent again either way).
    public var delivered: Duration
    /// How long dead letters are kept for the API.
    public var dead: Duration
    /// How often the outbox is pruned.
    public var interval: Duration

    /// Creates a retention; by default delivered messages a day, dead letters a week, pruned hourly.
    public init(delivered: Duration = .seconds(86_400), dead: Duration = .seconds(7 * 86_400), interval: Duration = .seconds(3600)) {
        self.delivered = delivered
        self.dead = dead
        self.interval = interval
    }
}
