import RemoteWrite
import Snappy
import Testing

@Suite("Decoding into WriteBatch")
struct WriteBatchDecodingTests {
    private let decoder = RemoteWriteDecoder()
    private typealias Label = RequestBodies.RawLabel

    @Test("labels come out sorted by name and empty values are dropped")
    func sortedLabels() throws {
        let body = RequestBodies.v1(labels: [Label("zone", "a"), Label("job", "node"), Label("empty", ""), Label("__name__", "up"), Label("Alpha", "1")])
        let batch = try decoder.decodeV1(compressed: body)
        #expect(batch.series[0].labels.map(\.name) == ["Alpha", "__name__", "job", "zone"])
        #expect(batch.series[0].metricName == "up")
    }

    @Test("a metadata-only request decodes to no series and its metadata")
    func metadataOnly() throws {
        let body = RequestBodies.v1([], metadata: [
            .init(type: 1, family: "http_requests_total", help: "Requests.", unit: ""),
            .init(type: 4, family: "latency", help: "", unit: "seconds"),
            .init(type: 99, family: "future", help: "", unit: ""),
        ])
        let batch = try decoder.decode(body: body, contentType: nil)
        #expect(batch.series.isEmpty)
        #expect(batch.sampleCount == 0)
        #expect(batch.metadata == [
            WriteBatch.MetricMetadata(familyName: "http_requests_total", type: .counter, help: "Requests."),
            WriteBatch.MetricMetadata(familyName: "latency", type: .gaugeHistogram, unit: "seconds"),
            WriteBatch.MetricMetadata(familyName: "future", type: .unknown),
        ])
    }

    @Test("an empty request (snappy of nothing) is an empty batch, for both versions")
    func emptyRequest() throws {
        let body = Snappy.compress([UInt8]())
        #expect(try decoder.decodeV1(compressed: body).series.isEmpty)
        #expect(try decoder.decodeV2(compressed: body).series.isEmpty)
    }

    @Test("float values keep every bit: NaN payloads, -0, infinities")
    func exactBits() throws {
        let patterns: [UInt64] = [0x7FF0_0000_0000_0002, 0x7FF8_0000_0000_0001, 0x8000_0000_0000_0000, 0x7FF0_0000_0000_0000, 0, 1]
        let series = RequestBodies.V1Series(
            labels: [Label("__name__", "x")],
            samples: patterns.enumerated().map { (Int64($0.offset), $0.element) }
        )
        let batch = try decoder.decodeV1(compressed: RequestBodies.v1([series]))
        #expect(batch.series[0].samples.map(\.value.bitPattern) == patterns)
        #expect(batch.series[0].samples.map(\.timestamp) == [0, 1, 2, 3, 4, 5])
        #expect(Array(batch.series[0].samples)[0].isStaleMarker)
        #expect(!Array(batch.series[0].samples)[1].isStaleMarker)
    }

    @Test("2.0: symbols resolve, exemplars and metadata attach, start timestamps are kept")
    func v2Decoding() throws {
        let symbols = ["", "__name__", "requests_total", "job", "api", "trace_id", "abc", "Requests.", "seconds"]
        let body = RequestBodies.v2(symbols: symbols, series: [
            .init(refs: [1, 2, 3, 4], samples: [(10, 1.5, 5), (20, 2.5, 0)], createdTimestamp: 3,
                  exemplarRefs: [[5, 6]], metadata: (1, 7, 0)),
            .init(refs: [3, 4, 1, 2], metadata: (1, 7, 8)),
        ])
        let batch = try decoder.decode(body: body, contentType: RequestBodies.v2ContentType)
        #expect(batch.version == .v2)
        #expect(batch.series.count == 2)
        let first = batch.series[0]
        #expect(first.labels == [WriteBatch.Label(name: "__name__", value: "requests_total"), WriteBatch.Label(name: "job", value: "api")])
        #expect(first.samples.map(\.startTimestamp) == [5, 3])  // per-sample wins, else the series' created_timestamp
        #expect(first.exemplars.first?.labels == [WriteBatch.Label(name: "trace_id", value: "abc")])
        #expect(first.exemplars.first?.timestamp == 1234)
        // Second series sent its labels unsorted: they come out sorted.
        #expect(batch.series[1].labels.map(\.name) == ["__name__", "job"])
        // One metadata entry per family: the first one seen wins.
        #expect(batch.metadata == [WriteBatch.MetricMetadata(familyName: "requests_total", type: .counter, help: "Requests.")])
    }

    @Test("2.0: a metadata reference out of range is refused")
    func v2MetadataOutOfRange() {
        let body = RequestBodies.v2(symbols: ["", "__name__", "up"], series: [.init(refs: [1, 2], metadata: (2, 40, 0))])
        let error = #expect(throws: RemoteWriteError.self) { try decoder.decodeV2(compressed: body) }
        #expect(error?.code == .invalidLabels)
        #expect(error?.message == "series 0 metadata: help symbol reference 40 out of range (3 symbols)")
    }

    @Test("a float histogram decodes with float counts")
    func floatHistogram() throws {
        var request = ProtobufWriter()
        request.message(1) { series in
            series.message(1) { $0.string(1, "__name__"); $0.string(2, "latency") }
            series.message(4) { histogram in
                histogram.double(2, 12.5)  // count_float
                histogram.double(3, 3.25)  // sum
                histogram.sint(4, -2)  // schema
                histogram.double(5, 0.5)
                histogram.double(7, 1.5)  // zero_count_float
                histogram.message(8) { $0.sint(1, -3); $0.uint(2, 2) }
                histogram.bytes(10, [0.5, 1.0].flatMap { value in (0..<8).map { UInt8(truncatingIfNeeded: value.bitPattern >> UInt64($0 * 8)) } })
                histogram.uint(14, 3)  // gauge
                histogram.int64(15, 77)
                histogram.bytes(16, [])  // empty custom values
            }
        }
        let batch = try decoder.decodeV1(compressed: Snappy.compress(request.bytes))
        let histogram = try #require(batch.series.first?.histograms.first)
        #expect(histogram.isFloatHistogram)
        guard case let .float(count) = histogram.count, case let .float(zero) = histogram.zeroCount else {
            Issue.record("expected float counts")
            return
        }
        #expect(count == 12.5 && zero == 1.5)
        #expect(histogram.schema == -2)
        #expect(histogram.negativeSpans == [WriteBatch.BucketSpan(offset: -3, length: 2)])
        #expect(histogram.negativeCounts == [0.5, 1.0])
        #expect(histogram.resetHint == .gauge)
        #expect(histogram.timestamp == 77)
    }

    @Test("the same label set may appear several times in one request")
    func repeatedSeries() throws {
        let labels = [Label("__name__", "up"), Label("job", "a")]
        let body = RequestBodies.v1([.init(labels: labels), .init(labels: labels, samples: [(2000, 0)])])
        let batch = try decoder.decodeV1(compressed: body)
        #expect(batch.series.count == 2)
        #expect(batch.sampleCount == 2)
    }
}
