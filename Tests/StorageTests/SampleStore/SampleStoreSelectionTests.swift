import Testing
import Storage

@Suite struct SampleStoreSelectionTests {
    private static let series: [Labels] = [
        ["__name__": "http_requests_total", "job": "api", "code": "200", "env": "prod"],
        ["__name__": "http_requests_total", "job": "api", "code": "500", "env": "prod"],
        ["__name__": "http_requests_total", "job": "api", "code": "503"],
        ["__name__": "http_requests_total", "job": "web", "code": "1500"],
        ["__name__": "http_requests_total", "job": "web", "code": "200", "env": ""],
        ["__name__": "up", "job": "api"],
        ["__name__": "up", "job": "web", "env": "staging"],
    ]

    private static func readers() async throws -> [any SampleReader] {
        let store = try await StoreFixture(configuration: SampleStoreConfiguration(samplesPerChunk: 4)).open()
        let memory = MemorySampleReader(chunkSize: 4)
        var batch = AppendBatch()
        for (index, labels) in series.enumerated() {
            // Series i has samples at 1000 * (i ... i + 9).
            let samples = StoreFixture.samples(from: Int64(index) * 1_000, count: 10, step: 1_000)
            batch.append(labels, samples)
            await memory.add(labels, samples)
        }
        #expect(try await store.append(batch).accepted == 70)
        return [store, memory]
    }

    private static func names(_ labels: [Labels]) -> [String] {
        labels.map { "\($0["job"] ?? "-")/\($0["code"] ?? "-")/\($0["env"] ?? "-")" }
    }

    private static let cases: [([SeriesMatcher], [String])] = {
        let requests = SeriesMatcher.metricName("http_requests_total")
        func regex(_ name: String, _ op: SeriesMatcher.Operator, _ value: String) -> SeriesMatcher {
            try! SeriesMatcher(name, op, value)
        }
        return [
            ([requests], ["api/200/prod", "api/500/prod", "api/503/-", "web/1500/-", "web/200/-"]),
            ([requests, .equal("job", "web")], ["web/1500/-", "web/200/-"]),
            ([requests, .notEqual("job", "web")], ["api/200/prod", "api/500/prod", "api/503/-"]),
            ([requests, regex("code", .regexMatch, "5..")], ["api/500/prod", "api/503/-"]),
            ([requests, regex("code", .regexNoMatch, "5..")], ["api/200/prod", "web/1500/-", "web/200/-"]),
            ([requests, regex("code", .regexMatch, "200|500")], ["api/200/prod", "api/500/prod", "web/200/-"]),
            // A missing label matches the empty string.
            ([requests, .equal("env", "")], ["api/503/-", "web/1500/-", "web/200/-"]),
            ([requests, .notEqual("env", "prod")], ["api/503/-", "web/1500/-", "web/200/-"]),
            ([requests, .notEqual("env", "")], ["api/200/prod", "api/500/prod"]),
            ([requests, regex("env", .regexMatch, ".*")], ["api/200/prod", "api/500/prod", "api/503/-", "web/1500/-", "web/200/-"]),
            ([requests, regex("env", .regexMatch, ".+")], ["api/200/prod", "api/500/prod"]),
            ([requests, regex("env", .regexMatch, "prod|")], ["api/200/prod", "api/500/prod", "api/503/-", "web/1500/-", "web/200/-"]),
            ([requests, regex("env", .regexNoMatch, "")], ["api/200/prod", "api/500/prod"]),
            ([regex("__name__", .regexMatch, "up|http_.*"), .equal("env", "staging")], ["web/-/staging"]),
            ([regex("__name__", .regexMatch, "u")], []),
            ([.equal("nope", "x")], []),
            ([.equal("job", "api"), .equal("job", "web")], []),
            ([], ["api/-/-", "api/200/prod", "api/500/prod", "api/503/-", "web/-/staging", "web/1500/-", "web/200/-"]),
        ]
    }()

    @Test func everyMatcherKindInBothReaders() async throws {
        for reader in try await Self.readers() {
            for (matchers, expected) in Self.cases {
                let selected = try await reader.select(matchers: matchers, start: .min, end: .max)
                #expect(Self.names(selected.map(\.labels)).sorted() == expected.sorted(), "\(type(of: reader)) \(matchers)")
                #expect(selected.map(\.labels) == selected.map(\.labels).sorted(), "sorted by labels")
                let labels = try await reader.seriesLabels(matchers: matchers, start: .min, end: .max)
                #expect(labels == selected.map(\.labels))
            }
        }
    }

    @Test func timeRangesFilterSeriesAndSamples() async throws {
        for reader in try await Self.readers() {
            // Series 0 has samples in 0...9000, series 6 in 6000...15000.
            let early = try await reader.seriesLabels(matchers: [], start: 0, end: 2_000)
            #expect(early == [Self.series[0], Self.series[1], Self.series[2]].sorted())
            let late = try await reader.select(matchers: [.metricName("up")], start: 14_500, end: 20_000)
            #expect(late.map(\.labels) == [Self.series[6]])
            #expect(late.first?.samples == [ChunkSample(t: 15_000, v: 9)])
            #expect(try await reader.select(matchers: [], start: 5, end: 4).isEmpty)
        }
    }

    @Test func labelNamesAndValues() async throws {
        for reader in try await Self.readers() {
            #expect(try await reader.labelNames() == ["__name__", "code", "env", "job"])
            #expect(try await reader.labelValues(name: "code") == ["1500", "200", "500", "503"])
            #expect(try await reader.labelValues(name: "env") == ["prod", "staging"])
            #expect(try await reader.labelNames(matchers: [.metricName("up")], start: .min, end: .max) == ["__name__", "env", "job"])
            #expect(try await reader.labelValues(name: "job", matchers: [.equal("env", "prod")], start: .min, end: .max) == ["api"])
            #expect(try await reader.labelValues(name: "code", matchers: [], start: 0, end: 1_500) == ["200", "500"])
            #expect(try await reader.labelValues(name: "missing").isEmpty)
        }
    }
}
