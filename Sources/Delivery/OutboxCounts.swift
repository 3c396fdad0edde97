/// How many messages the outbox holds in each state.
public struct OutboxCounts: Sendable, Hashable {
    public var pending: Int
    public var delivered: Int
    public var dead: Int

    /// Creates counts.
    public init(pending: Int = 0, delivered: Int = 0, dead: Int = 0) {
        self.pending = pending
        self.delivered = delivered
        self.dead = dead
    }

    /// The count of `state`.
    public subscript(state: OutboxState) -> Int {
        get {
            switch state {
            case .pending: pending
            case .delivered: delivered
            case .dead: dead
            }
        }
        set {
            switch state {
            case .pending: pending = newValue
            case .delivered: delivered = newValue
            case .dead: dead = newValue
            }
        }
    }
}
