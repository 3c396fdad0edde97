import Foundation
import Ingest
import Logging
import Rules
import Storage
import TestSupport
import Testing

/// The ingest path's memory of series by their label bytes: a sender's series after the first
/// request skip label building, filtering and the store's lookup, and the result (what is stored
/// and what is counted) is the same as without it, including after reloads and after retention
/// deleted a series the cache still knew.
@Suite struct IngestorSeriesCacheTests {
    private static let v1 = "application/x-protobuf"

    private func makeIngestor(rules: String, keepAll: Bool = false) async throws -> (Ingestor, SampleStore) {
        let store = try await SampleStore.open(database: try BurnrateDatabase.inMemory(), logger: Logger(label: "test"))
        return (Ingestor(store: store, ruleSet: try ruleSet(rules), keepAll: keepAll, maxBodyBytes: 1 << 20), store)
    }

    private func ruleSet(_ rules: String) throws -> RuleSet {
        let result = RuleLoader().load(files: [RuleFile(path: "r.yml", contents: rules)])
        try #require(result.isValid, "\(result.diagnostics)")
        return result.ruleSet
    }

    private static let readsUp = """
        groups:
          - name: g
            rules:
              - alert: Down
                expr: up == 0
        """

    private static let readsRequests = """
        groups:
          - name: g
            rules:
              - record: r
                expr: sum(requests_total)
        """

    /// Scrape `index` of two `up` series and two `requests_total` series, at 15 s spacing.
    private static func scrape(_ index: Int) throws -> [UInt8] {
        let t = Int64(index) * 15_000
        return try RemoteWriteBody.make([
            (["__name__": "up", "job": "a"], [(t, 1)]),
            (["__name__": "up", "job": "b"], [(t, 0)]),
            (["__name__": "requests_total", "job": "a"], [(t, Double(index * 10))]),
            (["__name__": "requests_total", "job": "b"], [(t, Double(index * 20))]),
        ])
    }

    @Test func repeatedScrapesAreStoredAndCountedAsWithoutTheCache() async throws {
        let (ingestor, store) = try await makeIngestor(rules: Self.readsUp)
        for index in 0..<5 {
            let result = await ingestor.ingest(body: try Self.scrape(index), contentType: Self.v1)
            #expect(result.status == 204 && result.samplesWritten == 2, "scrape \(index): \(result.message)")
        }
        #expect(ingestor.cachedSeries == 4)
        let up = try await store.select(matchers: [.metricName("up")], start: .min, end: .max)
        #expect(up.map(\.samples.count) == [5, 5])
        #expect(up.first?.samples.map(\.v) == [1, 1, 1, 1, 1])
        let requests = try await store.select(matchers: [.metricName("requests_total")], start: .min, end: .max)
        #expect(requests.isEmpty)
        let statistics = await ingestor.statistics
        #expect(statistics.receivedSamples == 20)
        #expect(statistics.storedSamples == 10)
        #expect(statistics.droppedSamples == 10)
        #expect(statistics.metrics["up"]?.storedSamples == 10)
        #expect(statistics.metrics["requests_total"]?.droppedSamples == 10)
        #expect(statistics.metrics["requests_total"]?.droppedSeries == 2, "distinct dropped series counted once")
    }

    @Test func aReloadStartsTheCacheOverWithTheNewFilter() async throws {
        let (ingestor, store) = try await makeIngestor(rules: Self.readsUp)
        #expect(await ingestor.ingest(body: try Self.scrape(0), contentType: Self.v1).status == 204)
        #expect(ingestor.cachedSeries == 4)
        await ingestor.update(ruleSet: try ruleSet(Self.readsRequests))
        #expect(ingestor.cachedSeries == 0)
        let result = await ingestor.ingest(body: try Self.scrape(1), contentType: Self.v1)
        #expect(result.status == 204 && result.samplesWritten == 2)
        let requests = try await store.select(matchers: [.metricName("requests_total")], start: .min, end: .max)
        #expect(requests.map(\.samples.count) == [1, 1], "the series dropped before the reload are stored after it")
        let up = try await store.select(matchers: [.metricName("up")], start: .min, end: .max)
        #expect(up.map(\.samples.count) == [1, 1], "and up is no longer stored")
    }

    @Test func aSeriesDeletedByRetentionIsStoredAgainWhenItComesBack() async throws {
        let (ingestor, store) = try await makeIngestor(rules: Self.readsUp)
        #expect(await ingestor.ingest(body: try Self.scrape(0), contentType: Self.v1).status == 204)
        #expect(await ingestor.ingest(body: try Self.scrape(1), contentType: Self.v1).status == 204)
        // Retention deletes both up series; the cache still holds their references.
        try await store.deleteBefore(100_000)
        let result = await ingestor.ingest(body: try Self.scrape(10), contentType: Self.v1)
        #expect(result.status == 204 && result.samplesWritten == 2, "\(result.message)")
        let up = try await store.select(matchers: [.metricName("up")], start: .min, end: .max)
        #expect(up.map { $0.samples.map(\.t) } == [[150_000], [150_000]])
        let statistics = await ingestor.statistics
        #expect(statistics.storedSamples == 6)
        #expect(statistics.requestsByStatus[204] == 3)
        // The cache learned the series again: the next scrape needs no retry.
        #expect(await ingestor.ingest(body: try Self.scrape(11), contentType: Self.v1).status == 204)
        #expect(try await store.select(matchers: [.metricName("up")], start: .min, end: .max).map(\.samples.count) == [2, 2])
    }

    @Test func anInvalidSeriesNextToKnownOnesIsStill400() async throws {
        let (ingestor, _) = try await makeIngestor(rules: Self.readsUp, keepAll: true)
        #expect(await ingestor.ingest(body: try Self.scrape(0), contentType: Self.v1).status == 204)
        let body = try RemoteWriteBody.make([
            (["__name__": "up", "job": "a"], [(15_000, 1)]),
            (["job": "no-name"], [(15_000, 1)]),
        ])
        let result = await ingestor.ingest(body: body, contentType: Self.v1)
        #expect(result.status == 400)
        #expect(result.message.contains("__name__"), "\(result.message)")
    }
}
