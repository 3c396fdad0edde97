/// One series folded for `SampleStore.accumulate(_:)`: the windows, ending at the same time, that
/// the selections matching it ask for, and the snapshot to fold them from (that of the widest).
struct WindowFold: Sendable {
    var snapshot: SeriesSnapshot
    /// The earliest window start the snapshot was taken for.
    var widest: Int64
    var end: Int64
    /// Every window start asked of the series, each once.
    var starts: [Int64]

    /// The position of `start` in `starts`, added when new.
    mutating func position(of start: Int64) -> Int {
        if let known = starts.firstIndex(of: start) { return known }
        starts.append(start)
        return starts.count - 1
    }

    /// Finds the fold of a series at an end: by looking through the few folds of a rule group's
    /// selections (an SLO's: 2 or 3), by a table once there are many.
    struct Index {
        private struct Key: Hashable {
            var id: Int64
            var end: Int64
        }

        /// Up to this many folds are looked through.
        static let linearLimit = 16
        private var table: [Key: Int]?

        /// The position in `folds` of the fold of series `id` at `end`, if there is one.
        func fold(of id: Int64, end: Int64, in folds: [WindowFold]) -> Int? {
            if let table { return table[Key(id: id, end: end)] }
            return folds.firstIndex { $0.snapshot.id == id && $0.end == end }
        }

        /// Takes note of the fold just appended to `folds`.
        mutating func added(_ folds: [WindowFold]) {
            if table == nil {
                guard folds.count > Self.linearLimit else { return }
                var built: [Key: Int] = [:]
                for (position, fold) in folds.enumerated() { built[Key(id: fold.snapshot.id, end: fold.end)] = position }
                table = built
                return
            }
            let last = folds.count - 1
            table![Key(id: folds[last].snapshot.id, end: folds[last].end)] = last
        }
    }
}
