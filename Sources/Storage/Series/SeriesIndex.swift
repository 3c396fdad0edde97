/// The in-memory index of live series: label set → slot, and an inverted index
/// (label name → value → sorted slots) for selection by matchers.
///
/// A slot is a dense position into the store's per-series state; slots of deleted series are
/// reused. A value type owned by the store's actor.
struct SeriesIndex {
    /// The slot of each label set.
    private(set) var slots: [Labels: Int32] = [:]
    /// For each label name, for each value, the slots holding it, ascending.
    private var postings: [String: [String: [Int32]]] = [:]
    /// Every live slot, ascending.
    private(set) var allSlots: [Int32] = []

    /// The number of live series.
    var count: Int { slots.count }

    /// The slot of a label set, if the series exists.
    @inline(__always)
    func slot(of labels: Labels) -> Int32? {
        slots[labels]
    }

    /// Adds a series at `slot`.
    mutating func insert(_ labels: Labels, slot: Int32) {
        slots[labels] = slot
        Self.insertSorted(slot, into: &allSlots)
        for label in labels {
            Self.insertSorted(slot, into: &postings[label.name, default: [:]][label.value, default: []])
        }
    }

    /// Removes the series at `slot`.
    mutating func remove(_ labels: Labels, slot: Int32) {
        slots[labels] = nil
        Self.removeSorted(slot, from: &allSlots)
        for label in labels {
            guard var values = postings[label.name], var list = values[label.value] else { continue }
            Self.removeSorted(slot, from: &list)
            values[label.value] = list.isEmpty ? nil : list
            postings[label.name] = values.isEmpty ? nil : values
        }
    }

    /// The slots of the series that satisfy every matcher, ascending; `labelsOf` gives a slot's
    /// labels for the matchers that also match a missing label.
    func select(_ matchers: [SeriesMatcher], labelsOf: (Int32) -> Labels) -> [Int32] {
        var candidates: [Int32]?
        // Matchers that reject the empty string can only select series that have the label:
        // intersect their postings first, smallest effort first (equality before regexes).
        let narrowing = matchers.filter { !$0.matchesEmpty }.sorted { ($0.op == .equal ? 0 : 1) < ($1.op == .equal ? 0 : 1) }
        for matcher in narrowing {
            let matched = postingsMatching(matcher)
            candidates = candidates.map { Self.intersect($0, matched) } ?? matched
            if candidates?.isEmpty == true { return [] }
        }
        let filtering = matchers.filter(\.matchesEmpty)
        let base = candidates ?? allSlots
        if filtering.isEmpty { return base }
        return base.filter { slot in
            let labels = labelsOf(slot)
            return filtering.allSatisfy { $0.matches(labels) }
        }
    }

    /// Every label name in use, sorted.
    var labelNames: [String] {
        postings.keys.sorted(by: Labels.precedes)
    }

    /// Every value of the label `name` in use, sorted.
    func labelValues(_ name: String) -> [String] {
        (postings[name]?.keys).map { $0.sorted(by: Labels.precedes) } ?? []
    }

    /// The union of the postings of the values of `matcher.name` that satisfy it, ascending.
    private func postingsMatching(_ matcher: SeriesMatcher) -> [Int32] {
        guard let values = postings[matcher.name] else { return [] }
        if matcher.op == .equal { return values[matcher.value] ?? [] }
        var lists: [[Int32]] = []
        for (value, list) in values where matcher.matches(value) { lists.append(list) }
        if lists.count <= 1 { return lists.first ?? [] }
        var union = lists.flatMap { $0 }
        union.sort()
        // A series has one value per name, so the lists are disjoint.
        return union
    }

    /// The slots in both ascending lists, ascending. When one list is much shorter (a metric
    /// name held by every SLO against one SLO's id), each of its slots is looked up in the
    /// other by binary search, so selecting one series among many costs its few postings, not
    /// the long list.
    static func intersect(_ lhs: [Int32], _ rhs: [Int32]) -> [Int32] {
        let (short, long) = lhs.count <= rhs.count ? (lhs, rhs) : (rhs, lhs)
        var result: [Int32] = []
        result.reserveCapacity(short.count)
        if short.count * 16 < long.count {
            var from = 0
            for slot in short {
                from = lowerBound(slot, in: long, from: from)
                if from == long.count { break }
                if long[from] == slot { result.append(slot) }
            }
            return result
        }
        var i = 0
        var j = 0
        while i < short.count && j < long.count {
            if short[i] < long[j] {
                i += 1
            } else if short[i] > long[j] {
                j += 1
            } else {
                result.append(short[i])
                i += 1
                j += 1
            }
        }
        return result
    }

    private static func insertSorted(_ slot: Int32, into list: inout [Int32]) {
        if list.last.map({ $0 < slot }) ?? true {
            list.append(slot)
            return
        }
        list.insert(slot, at: lowerBound(slot, in: list))
    }

    private static func removeSorted(_ slot: Int32, from list: inout [Int32]) {
        let index = lowerBound(slot, in: list)
        if index < list.count && list[index] == slot { list.remove(at: index) }
    }

    private static func lowerBound(_ slot: Int32, in list: [Int32], from start: Int = 0) -> Int {
        var low = start
        var high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid] < slot { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
