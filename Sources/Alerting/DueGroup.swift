/// A group's next slot in the scheduler's queue: the wall time it is due (milliseconds) and its
/// position in rule-file order. Ordered by time, then position.
struct DueGroup: Comparable, Sendable {
    /// When the group is due.
    var due: Int64
    /// The group's position among the groups in force.
    var position: Int

    static func < (lhs: DueGroup, rhs: DueGroup) -> Bool {
        (lhs.due, lhs.position) < (rhs.due, rhs.position)
    }
}
