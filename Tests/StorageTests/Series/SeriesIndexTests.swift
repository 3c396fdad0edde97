import Testing
@testable import Storage

@Suite("Series index")
struct SeriesIndexTests {
    /// Both ways of intersecting postings (merge, and binary search of a short list in a long
    /// one) give the slots in both lists, ascending.
    @Test func intersectionOfPostingsOfAnySizes() {
        var state: UInt64 = 7
        func list(_ count: Int, spread: UInt64) -> [Int32] {
            var slots = Set<Int32>()
            while slots.count < count {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                slots.insert(Int32((state >> 33) % spread))
            }
            return slots.sorted()
        }
        for (short, long) in [(0, 10), (1, 1), (3, 5_000), (17, 17_000), (40, 60), (200, 3_000), (1_000, 1_000)] {
            let lhs = list(short, spread: 20_000)
            let rhs = list(long, spread: 20_000)
            let expected = Set(lhs).intersection(rhs).sorted()
            #expect(SeriesIndex.intersect(lhs, rhs) == expected, "\(short) and \(long)")
            #expect(SeriesIndex.intersect(rhs, lhs) == expected, "\(long) and \(short)")
        }
        #expect(SeriesIndex.intersect([5], Array(0..<100)) == [5])
        #expect(SeriesIndex.intersect([0, 99], Array(0..<100)) == [0, 99])
        #expect(SeriesIndex.intersect([-1, 100], Array(0..<100)) == [])
    }

    /// Selection by matchers whose postings differ widely in length (one metric name shared by
    /// many series, one id held by few).
    @Test func selectsTheFewSeriesOfAnIdAmongMany() {
        var index = SeriesIndex()
        var labels: [Int32: Labels] = [:]
        var slot: Int32 = 0
        for id in 0..<300 {
            for name in ["ratio_5m", "ratio_1h", "burn"] {
                let set = Labels(["__name__": name, "id": String(id), "service": "shop"])
                index.insert(set, slot: slot)
                labels[slot] = set
                slot += 1
            }
        }
        let selected = index.select([.metricName("ratio_1h"), .equal("id", "123"), .equal("service", "shop")]) { labels[$0]! }
        #expect(selected.map { labels[$0]! } == [Labels(["__name__": "ratio_1h", "id": "123", "service": "shop"])])
        #expect(index.select([.equal("id", "7"), .equal("service", "shop")]) { labels[$0]! }.count == 3)
        #expect(index.select([.metricName("ratio_1h"), .equal("id", "300")]) { labels[$0]! }.isEmpty)
    }
}
