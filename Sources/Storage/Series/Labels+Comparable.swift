extension Labels: Comparable {
    /// Prometheus' `labels.Compare` order: label by label, names then values in byte order, a
    /// shorter set first when one is a prefix of the other. Query results are sorted by it.
    public static func < (lhs: Labels, rhs: Labels) -> Bool {
        for (left, right) in zip(lhs.labels, rhs.labels) {
            if left.name != right.name { return precedes(left.name, right.name) }
            if left.value != right.value { return precedes(left.value, right.value) }
        }
        return lhs.count < rhs.count
    }
}
