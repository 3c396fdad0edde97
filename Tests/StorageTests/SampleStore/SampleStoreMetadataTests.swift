import Testing
import Storage

@Suite struct SampleStoreMetadataTests {
    @Test func upsertsAndReads() async throws {
        let fixture = StoreFixture()
        do {
            let store = try await fixture.open()
            #expect(try await store.metadata(metric: "http_requests_total") == nil)
            try await store.setMetadata(metric: "http_requests_total", type: .counter, help: "Requests.", unit: "")
            try await store.setMetadata(metric: "http_requests_total", type: .counter, help: "Requests served.", unit: "requests")
            try await store.setMetadata([
                MetricMetadata(metric: "a_gauge", type: .gauge), MetricMetadata(metric: "hist", type: .gaugeHistogram, help: "h"),
            ])
        }
        let store = try await fixture.open()
        #expect(try await store.metadata(metric: "http_requests_total")
            == MetricMetadata(metric: "http_requests_total", type: .counter, help: "Requests served.", unit: "requests"))
        #expect(try await store.allMetadata().map(\.metric) == ["a_gauge", "hist", "http_requests_total"])
        #expect(try await store.metadata(metric: "hist")?.type == .gaugeHistogram)
    }
}
