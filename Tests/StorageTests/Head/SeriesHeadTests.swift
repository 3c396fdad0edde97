@testable import Storage
import Testing

/// `SeriesHead` keeps its count and first and last timestamps beside its samples (so that an
/// append reads them without touching the array): after any sequence of appends, cuts and
/// removals they are those of the samples it holds.
@Suite struct SeriesHeadTests {
    private static func expectBookkeeping(_ head: SeriesHead, _ comment: Comment) {
        let samples = head.samples(from: .min, through: .max)
        #expect(head.count == samples.count, comment)
        #expect(head.isEmpty == samples.isEmpty, comment)
        #expect(head.minT == samples.first?.t, comment)
        #expect(head.maxT == samples.last?.t, comment)
        if !samples.isEmpty { #expect(head[head.count - 1] == samples[samples.count - 1], comment) }
    }

    @Test func countAndBoundsFollowAppendsCutsAndRemovals() {
        var random = SplitMix64(seed: 7)
        var head = SeriesHead()
        var t: Int64 = 1_000
        Self.expectBookkeeping(head, "empty")
        for step in 0..<2_000 {
            let action = random.next() % 10
            if action == 0 {
                head.removeAll()
                Self.expectBookkeeping(head, "step \(step): removed")
                continue
            }
            let accepted = (0..<Int(random.next() % 4)).map { _ in
                t += Int64(1 + random.next() % 30_000)
                return ChunkSample(t: t, v: Double(random.next() % 1_000))
            }
            // A cut consumes the whole old head and some (or all) of the accepted samples.
            let cutCount = action < 3 && !accepted.isEmpty ? head.count + Int(random.next() % UInt64(accepted.count + 1)) : 0
            accepted.withUnsafeBufferPointer { head.apply(accepted: $0, cutCount: cutCount, walRow: Int64(step)) }
            Self.expectBookkeeping(head, "step \(step): \(accepted.count) accepted, cut \(cutCount)")
        }
    }

    /// The store prefetches every head an append writes before its commit: a hint that must
    /// change nothing, on an empty head, a full one and one whose array has spare room.
    @Test func prefetchingForAnAppendChangesNothing() {
        var head = SeriesHead()
        head.prefetchForAppend()
        Self.expectBookkeeping(head, "empty")
        var t: Int64 = 1_000
        for step in 0..<300 {
            let before = head.samples(from: .min, through: .max)
            head.prefetchForAppend()
            #expect(head.samples(from: .min, through: .max) == before, "step \(step)")
            Self.expectBookkeeping(head, "step \(step): prefetched")
            t += 15_000
            [ChunkSample(t: t, v: Double(step))].withUnsafeBufferPointer { head.apply(accepted: $0, cutCount: 0, walRow: Int64(step)) }
            #expect(head.count == step + 1)
            #expect(head.maxT == t)
        }
    }
}
