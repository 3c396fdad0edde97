extension PackingPlan {
    /// The buffers `best(for:)` reuses for its three orders: the elements of the order being
    /// planned, and the scratch space to sort and rank them.
    struct Workspace {
        /// The elements of one order; `frame` plans the first `count` of them.
        var elements: [Int64]
        /// The smallest elements found so far, ascending (`Int64.max` where none yet).
        private var smallest: [Int64]
        /// The largest elements found so far, descending (`Int64.min` where none yet).
        private var largest: [Int64]
        /// Per value of `rankedLow...rankedHigh`: while counting, how many elements have it;
        /// after a counting sort, how many elements are below it. All zero between plans.
        private var histogram: [Int32] = []
        /// The range the histogram ranks; empty (`high < low`) when the elements were not
        /// counting-sorted.
        private var rankedLow: Int64 = 0
        private var rankedHigh: Int64 = -1

        /// Creates buffers for up to `capacity` elements.
        init(capacity: Int) {
            elements = [Int64](repeating: 0, count: capacity)
            smallest = [Int64](repeating: .max, count: PackingPlan.maxExceptionsPerEnd + 1)
            largest = [Int64](repeating: .min, count: PackingPlan.maxExceptionsPerEnd + 1)
        }

        /// Sorts the first `m` elements ascending, unless `isCostly(spread)` is true for the
        /// spread `s[m - ends] - s[ends - 1]` of the sorted elements, which is found first,
        /// without sorting. Returns whether it sorted; after a sort, `withRanks` answers rank
        /// queries until `clearRanks()`.
        ///
        /// Elements within a small range (regular timestamps, counter increments) are
        /// counting-sorted; so are those whose only wide values are the `ends - 1` at either end
        /// (gaps, resets), which are set aside by a selection pass.
        mutating func sortUnlessCostly(count m: Int, ends: Int, isCostly: (UInt64) -> Bool) -> Bool {
            guard m >= 2 * ends else {
                elements[0..<m].sort()
                return true
            }
            let limit = UInt64(4 * m + 256)
            let (minimum, maximum) = elements.withUnsafeBufferPointer { e in
                var minimum = e[0]
                var maximum = e[0]
                for x in e[1..<m] {
                    minimum = Swift.min(minimum, x)
                    maximum = Swift.max(maximum, x)
                }
                return (minimum, maximum)
            }
            // Equal elements (a regular stream) are sorted already.
            if minimum == maximum { return !isCostly(0) }
            if UInt64(bitPattern: maximum &- minimum) <= limit {
                return countingSort(count: m, ends: ends, low: minimum, high: maximum, keeping: 0, isCostly: isCostly)
            }
            let (low, high) = selectEnds(count: m, ends: ends)
            let spread = UInt64(bitPattern: high &- low)
            if spread <= limit {
                return countingSort(count: m, ends: ends, low: low, high: high, keeping: ends, isCostly: isCostly)
            }
            if isCostly(spread) { return false }
            elements[0..<m].sort()
            return true
        }

        /// Calls `body` with the sorted elements and a function giving, for `t <= s[top]`, the
        /// number of elements `s[0...top]` below `t`.
        func withRanks<R>(count m: Int, _ body: (UnsafeBufferPointer<Int64>, (Int64, Int) -> Int) -> R) -> R {
            let low = rankedLow
            let high = rankedHigh
            return elements.withUnsafeBufferPointer { e in
                histogram.withUnsafeBufferPointer { below in
                    let s = UnsafeBufferPointer(rebasing: e[..<m])
                    return body(s) { t, top in
                        if t >= low && t <= high { return Int(below[Int(UInt64(bitPattern: t &- low))]) }
                        var lo = 0
                        var hi = top + 1
                        while lo < hi {
                            let mid = (lo + hi) / 2
                            if s[mid] < t { lo = mid + 1 } else { hi = mid }
                        }
                        return lo
                    }
                }
            }
        }

        /// Zeroes the ranks a counting sort left.
        mutating func clearRanks() {
            guard rankedHigh >= rankedLow else { return }
            let width = Int(UInt64(bitPattern: rankedHigh &- rankedLow)) + 1
            histogram.withUnsafeMutableBufferPointer { counts in
                for offset in 0..<width { counts[offset] = 0 }
            }
            rankedLow = 0
            rankedHigh = -1
        }

        /// Finds the `ends` smallest and largest of the first `m` elements; returns the largest
        /// of the smallest and the smallest of the largest (`s[ends - 1]` and `s[m - ends]`).
        private mutating func selectEnds(count m: Int, ends: Int) -> (Int64, Int64) {
            let last = ends - 1
            return elements.withUnsafeBufferPointer { e in
                smallest.withUnsafeMutableBufferPointer { small in
                    largest.withUnsafeMutableBufferPointer { large in
                        for i in 0..<ends {
                            small[i] = .max
                            large[i] = .min
                        }
                        for x in e[0..<m] {
                            if x < small[last] {
                                var j = last
                                while j > 0 && small[j - 1] > x {
                                    small[j] = small[j - 1]
                                    j -= 1
                                }
                                small[j] = x
                            }
                            if x > large[last] {
                                var j = last
                                while j > 0 && large[j - 1] < x {
                                    large[j] = large[j - 1]
                                    j -= 1
                                }
                                large[j] = x
                            }
                        }
                        return (small[last], large[last])
                    }
                }
            }
        }

        /// Counting-sorts the first `m` elements, those in `low...high` through the histogram,
        /// the others from the `keeping` smallest and largest that `selectEnds` kept (0 when
        /// every element is in range) — unless `isCostly(s[m - ends] - s[ends - 1])`. Returns
        /// whether it sorted; the histogram then holds ranks, else it is left zeroed.
        private mutating func countingSort(
            count m: Int, ends: Int, low: Int64, high: Int64, keeping: Int, isCostly: (UInt64) -> Bool
        ) -> Bool {
            let width = Int(UInt64(bitPattern: high &- low)) + 1
            if histogram.count < width { histogram = [Int32](repeating: 0, count: width) }
            let smallest = self.smallest
            let largest = self.largest
            let sorted = elements.withUnsafeMutableBufferPointer { e in
                histogram.withUnsafeMutableBufferPointer { counts in
                    if keeping == 0 {
                        for x in e[0..<m] { counts[Int(UInt64(bitPattern: x &- low))] += 1 }
                        // s[ends - 1] and s[m - ends], walking the histogram from each end.
                        var seen = 0
                        var lowOffset = 0
                        while true {
                            seen += Int(counts[lowOffset])
                            if seen >= ends { break }
                            lowOffset += 1
                        }
                        seen = 0
                        var highOffset = width - 1
                        while true {
                            seen += Int(counts[highOffset])
                            if seen >= ends { break }
                            highOffset -= 1
                        }
                        if isCostly(UInt64(highOffset - lowOffset)) {
                            for offset in 0..<width { counts[offset] = 0 }
                            return false
                        }
                    } else {
                        if isCostly(UInt64(width - 1)) { return false }
                        for x in e[0..<m] where x >= low && x <= high {
                            counts[Int(UInt64(bitPattern: x &- low))] += 1
                        }
                    }
                    var position = 0
                    for x in smallest[0..<keeping] where x < low {
                        e[position] = x
                        position += 1
                    }
                    for offset in 0..<width {
                        let count = Int(counts[offset])
                        counts[offset] = Int32(position)
                        let value = low &+ Int64(offset)
                        for _ in 0..<count {
                            e[position] = value
                            position += 1
                        }
                    }
                    for x in largest[0..<keeping].reversed() where x > high {
                        e[position] = x
                        position += 1
                    }
                    assert(position == m, "counting sort lost elements")
                    return true
                }
            }
            if sorted {
                rankedLow = low
                rankedHigh = high
            }
            return sorted
        }
    }
}
