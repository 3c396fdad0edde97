import Foundation
import Ingest
import Logging
import Rules
import Snappy
import Storage
import TestSupport
import Testing

/// The ingest path on real Prometheus 2.42 bodies and on every class of bad input.
@Suite struct IngestorTests {
    static let captures: Bool = Captures.isAvailable

    static func capture(_ name: String) throws -> [UInt8] {
        try Captures.body(name.replacingOccurrences(of: ".snappy", with: ""))
    }

    static let v1 = "application/x-protobuf"
    static let v2 = "application/x-protobuf;proto=io.prometheus.write.v2.Request"

    private func makeIngestor(rules: String? = nil, keepAll: Bool = false, maxBodyBytes: Int = 1 << 20) async throws -> (Ingestor, SampleStore) {
        let store = try await SampleStore.open(database: try BurnrateDatabase.inMemory(), logger: Logger(label: "test"))
        var ruleSet = RuleSet()
        if let rules {
            let result = RuleLoader().load(files: [RuleFile(path: "r.yml", contents: rules)])
            try #require(result.isValid, "\(result.diagnostics)")
            ruleSet = result.ruleSet
        }
        return (Ingestor(store: store, ruleSet: ruleSet, keepAll: keepAll, maxBodyBytes: maxBodyBytes), store)
    }

    @Test(.enabled(if: captures, Comment(rawValue: Conformance.missingReason)))
    func storesEverySampleOfARealBodyWithKeepAll() async throws {
        let (ingestor, store) = try await makeIngestor(keepAll: true)
        let result = await ingestor.ingest(body: try Self.capture("rw1-demo-target-float-exemplar-nativehist.snappy"), contentType: Self.v1)
        #expect(result.status == 204)
        #expect(result.samplesWritten == 7)
        let up = try await store.select(matchers: [.metricName("up")], start: 0, end: .max / 2)
        #expect(up.count == 1)
        #expect(up.first?.labels["job"] == "demo")
        let statistics = await ingestor.statistics
        #expect(statistics.unsupportedHistograms == 1)
        #expect(statistics.unsupportedExemplars == 1)
        #expect(statistics.storedSamples == 7)
    }

    @Test(.enabled(if: captures, Comment(rawValue: Conformance.missingReason)))
    func keepsOnlyWhatRulesReadAndCountsTheRest() async throws {
        let (ingestor, store) = try await makeIngestor(rules: """
            groups:
              - name: g
                rules:
                  - alert: Down
                    expr: up == 0
            """)
        let result = await ingestor.ingest(body: try Self.capture("rw1-agent-mode-self-scrape.snappy"), contentType: Self.v1)
        #expect(result.status == 204)
        #expect(result.samplesWritten == 1)
        let all = try await store.select(matchers: [try SeriesMatcher("__name__", .regexMatch, ".+")], start: 0, end: .max / 2)
        #expect(all.map { $0.labels.metricName } == ["up"])
        let statistics = await ingestor.statistics
        #expect(statistics.receivedSamples == 204)
        #expect(statistics.droppedSamples == 203)
        #expect(statistics.metrics["go_goroutines"]?.droppedSeries == 1)
        #expect(statistics.metrics["go_goroutines"]?.droppedSamples == 1)
        #expect(statistics.metrics["up"]?.storedSamples == 1)
    }

    @Test(.enabled(if: captures, Comment(rawValue: Conformance.missingReason)))
    func remoteWrite2AnswersWithWrittenCounts() async throws {
        let (ingestor, _) = try await makeIngestor(keepAll: true)
        let result = await ingestor.ingest(body: try Self.capture("rw2-SYNTHETIC-demo-target.snappy"), contentType: Self.v2)
        #expect(result.status == 204)
        #expect(result.headers["X-Prometheus-Remote-Write-Samples-Written"] == "7")
        #expect(result.headers["X-Prometheus-Remote-Write-Histograms-Written"] == "0")
        #expect(result.headers["X-Prometheus-Remote-Write-Exemplars-Written"] == "0")
    }

    @Test(.enabled(if: captures, Comment(rawValue: Conformance.missingReason)))
    func aByteIdenticalRetryWithStaleMarkersIsANoOp() async throws {
        let (ingestor, store) = try await makeIngestor(keepAll: true)
        let body = try Self.capture("rw1-target-down-stale-markers.snappy")
        #expect(await ingestor.ingest(body: body, contentType: Self.v1).status == 204)
        #expect(await ingestor.ingest(body: body, contentType: Self.v1).status == 204)
        let counters = try await store.select(matchers: [.metricName("demo_requests_total")], start: 0, end: .max / 2)
        #expect(counters.count == 2)
        #expect(counters.allSatisfy { $0.samples.count == 1 && $0.samples[0].isStaleMarker })
    }

    @Test func outOfOrderIs400AndStoresNothingOfTheRequest() async throws {
        let (ingestor, store) = try await makeIngestor(keepAll: true)
        #expect(await ingestor.ingest(body: body([("a", 2000, 1)]), contentType: Self.v1).status == 204)
        let result = await ingestor.ingest(body: body([("b", 1000, 1), ("a", 1000, 5)]), contentType: Self.v1)
        #expect(result.status == 400)
        #expect(result.message.contains("out of order sample"))
        #expect(try await store.select(matchers: [.metricName("b")], start: 0, end: 10_000).isEmpty)
        let duplicate = await ingestor.ingest(body: body([("a", 2000, 9)]), contentType: Self.v1)
        #expect(duplicate.status == 400)
        #expect(duplicate.message.contains("duplicate sample for timestamp"))
    }

    @Test func badBodiesAre4xxWithAReason() async throws {
        let (ingestor, _) = try await makeIngestor(keepAll: true, maxBodyBytes: 4096)
        let notSnappy = await ingestor.ingest(body: Array("hello".utf8), contentType: Self.v1)
        #expect(notSnappy.status == 400)
        let notProtobuf = await ingestor.ingest(body: Snappy.compress(Array(repeating: 0xFF, count: 64)), contentType: Self.v1)
        #expect(notProtobuf.status == 400)
        let wrongType = await ingestor.ingest(body: body([("a", 1, 1)]), contentType: "application/json")
        #expect(wrongType.status == 415)
        let tooLarge = await ingestor.ingest(body: Array(repeating: 0, count: 5000), contentType: Self.v1)
        #expect(tooLarge.status == 413)
        let bombed = await ingestor.ingest(body: Snappy.compress(Array(repeating: 0, count: 100_000)), contentType: Self.v1)
        #expect(bombed.status == 413)
        let noName = await ingestor.ingest(body: body([("", 1, 1)]), contentType: Self.v1)
        #expect(noName.status == 400)
        #expect(noName.message.contains("__name__"))
        let statistics = await ingestor.statistics
        #expect(statistics.requestsByStatus[400] == 3)
        #expect(statistics.storedSamples == 0)
    }

    @Test func metadataOnlyRequestsAreStored() async throws {
        let (ingestor, store) = try await makeIngestor()
        let body = try RemoteWriteBody.metadata(family: "http_requests_total", type: 1, help: "Requests served.")  // 1: COUNTER
        let result = await ingestor.ingest(body: body, contentType: Self.v1)
        #expect(result.status == 204)
        let stored = try await store.metadata(metric: "http_requests_total")
        #expect(stored?.type == .counter)
        #expect(stored?.help == "Requests served.")
    }

    /// A remote-write 1.0 body with one series per (metric, timestamp, value); an empty metric
    /// name leaves `__name__` out.
    private func body(_ samples: [(String, Int64, Double)]) -> [UInt8] {
        let series = samples.map { metric, t, v in
            (metric.isEmpty ? ["job": "test"] : ["__name__": metric, "job": "test"], [(t: t, v: v)])
        }
        return (try? RemoteWriteBody.make(series)) ?? []
    }
}
