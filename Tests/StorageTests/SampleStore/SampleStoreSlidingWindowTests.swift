import Storage
import Testing

/// Rule evaluation reads the same windows of the same series at every evaluation, each a little
/// later than the last, while new samples arrive: after the first evaluation, those reads come
/// from memory, and chunk rows are read again only when a window's start moves past what memory
/// holds.
@Suite struct SampleStoreSlidingWindowTests {
    static let minute: Int64 = 60_000
    static let hour: Int64 = 60 * minute

    @Test func slidingWindowsReadChunkRowsRarely() async throws {
        let store = try await StoreFixture().open()
        let slos = 3
        let labels: [Labels] = (0..<slos).flatMap { slo -> [Labels] in [
            ["__name__": "requests_total", "code": "200", "slo": "\(slo)"], ["__name__": "requests_total", "code": "500", "slo": "\(slo)"],
        ] }
        let matchers = (0..<slos).flatMap { slo in [[SeriesMatcher.metricName("requests_total"), .equal("slo", "\(slo)")], [SeriesMatcher.equal("code", "500"), .equal("slo", "\(slo)")]] }
        // Eight days of one sample a minute, then an evaluation a minute for ten hours, each
        // reading windows of 5 minutes to the whole history, as an SLO's rules do.
        let history = 8 * 24 * 60
        func append(_ range: Range<Int>) async throws {
            for start in stride(from: range.lowerBound, to: range.upperBound, by: 200) {
                let scrapes = start..<min(start + 200, range.upperBound)
                let batch = AppendBatch(series: labels.map { labels in
                    AppendBatch.Series(labels: labels, samples: scrapes.map { ChunkSample(t: Int64($0) * Self.minute, v: Double($0)) })
                })
                #expect(try await store.append(batch).committed)
            }
        }
        try await append(0..<history)
        let windows: [Int64] = [5 * Self.minute, 30 * Self.minute, Self.hour, 2 * Self.hour, 6 * Self.hour, 24 * Self.hour, 72 * Self.hour, Int64(history) * Self.minute]
        var perEvaluation: [Int] = []
        for evaluation in 0..<600 {
            let now = Int64(history + evaluation) * Self.minute
            try await append(history + evaluation..<history + evaluation + 1)
            let before = await store.statistics().seriesReadsFromDatabase
            for matchers in matchers {
                for window in windows {
                    let read = try await store.selectSummarised(matchers: matchers, start: now - window, end: now)
                    #expect(!read.isEmpty)
                }
            }
            perEvaluation.append(await store.statistics().seriesReadsFromDatabase - before)
        }
        let total = perEvaluation.dropFirst().reduce(0, +)
        print("reads from the database per evaluation:", perEvaluation.enumerated().filter { $0.element > 0 }.map { "\($0.offset):\($0.element)" })
        // Besides the first evaluation, only when a window's start passes into a stretch of chunks
        // not read before (each of the six series' three long windows, every few hours).
        #expect(total < 6 * 3 * 4, "\(total) series reads from the database in 599 evaluations")
    }
}
