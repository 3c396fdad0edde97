@testable import Storage
import Testing

/// `SlotMarks`: within a batch a slot is found where it was first marked; a new batch, and the
/// wrap-around of the stamps, forget every mark.
@Suite struct SlotMarksTests {
    @Test func aSlotIsFoundWhereItWasMarkedInItsBatchOnly() {
        var marks = SlotMarks()
        marks.startBatch(slots: 4)
        #expect(marks.position(of: 2, orMark: 0) == nil)
        #expect(marks.position(of: 0, orMark: 1) == nil)
        #expect(marks.position(of: 2, orMark: 2) == 0)
        #expect(marks.position(of: 0, orMark: 3) == 1)
        #expect(marks.position(of: 2, orMark: 4) == 0)
        marks.startBatch(slots: 6)
        #expect(marks.position(of: 2, orMark: 7) == nil)
        #expect(marks.position(of: 5, orMark: 8) == nil)
        #expect(marks.position(of: 2, orMark: 9) == 7)
        #expect(marks.position(of: 0, orMark: 10) == nil)
    }

    @Test func theWrapAroundOfTheStampsForgetsEveryMark() {
        var marks = SlotMarks(stamp: UInt32.max - 2)
        for _ in 0..<5 {
            marks.startBatch(slots: 3)
            #expect(marks.stamp != 0)
            for slot in 0..<3 { #expect(marks.position(of: Int32(slot), orMark: 10 + slot) == nil, "stamp \(marks.stamp)") }
            for slot in 0..<3 { #expect(marks.position(of: Int32(slot), orMark: 99) == 10 + slot) }
        }
    }
}
