import Testing
import Storage

@Suite struct SampleStoreManySeriesTests {
    @Test func thousandsOfSeriesSurviveAReopen() async throws {
        let fixture = StoreFixture()
        let seriesCount = 5_000
        func labels(_ index: Int) -> Labels {
            StoreFixture.labels("node_cpu_seconds_total", instance: index % 1_000, ["cpu": "\(index / 1_000)", "mode": "idle"])
        }
        do {
            let store = try await fixture.open()
            for round in 0..<8 {
                var batch = AppendBatch()
                for index in 0..<seriesCount {
                    batch.append(labels(index), StoreFixture.samples(from: Int64(round) * 20 * 15_000, count: 20) { Double(index + round * 20 + $0) })
                }
                let report = try await store.append(batch)
                #expect(report.committed && report.accepted == seriesCount * 20 && report.newSeries == (round == 0 ? seriesCount : 0))
            }
        }
        let store = try await fixture.open()
        #expect(await store.statistics().series == seriesCount)
        #expect(try await store.labelValues(name: "instance").count == 1_000)
        #expect(try await store.labelValues(name: "cpu") == ["0", "1", "2", "3", "4"])
        let one = try await store.select(matchers: [.equal("instance", "host-7"), .equal("cpu", "3")], start: .min, end: .max)
        #expect(one.count == 1)
        #expect(one.first?.samples == StoreFixture.samples(from: 0, count: 160) { Double(3_007 + $0) })
        let regex = try SeriesMatcher("instance", .regexMatch, "host-1[0-9]")
        let many = try await store.seriesLabels(matchers: [regex], start: .min, end: .max)
        #expect(many.count == 10 * 5)
    }
}
