extension ChunkSummary {
    /// Folds samples, in time order, into a `ChunkSummary`.
    struct Builder {
        private var sampleCount = 0
        private var count = 0
        private var first: ChunkSample?
        private var last = ChunkSample(t: 0, v: 0)
        private var resetValues: [Double] = []
        private var changes = 0
        private var min = 0.0
        private var max = 0.0
        private var sum: Int64 = 0
        private var magnitude: UInt64 = 0
        private var integral = true
        private var isConstant = true

        /// Adds one sample (stale markers are counted in `sampleCount` only).
        @inline(__always)
        mutating func add(t: Int64, v: Double) {
            sampleCount += 1
            if v.bitPattern == ChunkSample.staleMarkerBits { return }
            count += 1
            addToSum(v)
            guard first != nil else {
                first = ChunkSample(t: t, v: v)
                last = ChunkSample(t: t, v: v)
                min = v
                max = v
                return
            }
            let previous = last.v
            if v < previous { resetValues.append(previous) }
            if v != previous && !(v.isNaN && previous.isNaN) { changes += 1 }
            if v.bitPattern != previous.bitPattern { isConstant = false }
            if v > max || max.isNaN { max = v }
            if v < min || min.isNaN { min = v }
            last = ChunkSample(t: t, v: v)
        }

        @inline(__always)
        private mutating func addToSum(_ v: Double) {
            guard integral else { return }
            guard v.magnitude <= 0x1p53, Double(Int64(v)) == v else {
                integral = false
                return
            }
            magnitude += UInt64(v.magnitude)
            if magnitude > 1 << 53 {
                integral = false
                return
            }
            sum += Int64(v)
        }

        /// The summary of the samples added.
        func build() -> ChunkSummary {
            ChunkSummary(
                sampleCount: sampleCount, count: count, first: first, last: first == nil ? nil : last,
                resetValues: resetValues, changes: changes, min: first == nil ? nil : min,
                max: first == nil ? nil : max, integerSum: integral ? IntegerSum(sum: sum, magnitude: magnitude) : nil,
                isConstant: isConstant
            )
        }
    }
}
