/// Per slot of the store, which batch last gave its series a work item, and that item's
/// position: `SampleStore.group` finds a stored series' second entry in a batch by its slot,
/// where a dictionary of the batch's slots cost a hash, a probe and an allocation per request.
///
/// A mark holds the batch's stamp in its high 32 bits and the position in the low ones; a new
/// batch takes a new stamp, so the marks of earlier batches stop counting without being
/// cleared. When the stamps wrap around, every mark is cleared once.
struct SlotMarks: Sendable {
    private var marks: [UInt64] = []
    /// The current batch's stamp; 0 is never one, so a cleared mark matches no batch.
    private(set) var stamp: UInt32

    /// No marks; the first batch takes the stamp after `stamp` (other than 0 for tests of the
    /// wrap-around).
    init(stamp: UInt32 = 0) {
        self.stamp = stamp
    }

    /// Starts a batch over slots `0..<slots`: the marks made before no longer count.
    mutating func startBatch(slots: Int) {
        stamp &+= 1
        if stamp == 0 {
            marks = Array(repeating: 0, count: marks.count)
            stamp = 1
        }
        if marks.count < slots { marks += repeatElement(0, count: slots - marks.count) }
    }

    /// The position marked for `slot` in this batch; `nil` after marking the slot with
    /// `position` when it had none.
    @inline(__always)
    mutating func position(of slot: Int32, orMark position: Int) -> Int? {
        let mark = marks[Int(slot)]
        if mark >> 32 == UInt64(stamp) { return Int(truncatingIfNeeded: mark & 0xFFFF_FFFF) }
        marks[Int(slot)] = UInt64(stamp) << 32 | UInt64(truncatingIfNeeded: position)
        return nil
    }
}
