import TestSupport
import Foundation
import RemoteWrite
import Testing

@Suite(
    "Captured Prometheus requests decode to their expected.json",
    .enabled(if: Captures.isAvailable, "../shared/conformance/remote-write is missing")
)
struct RemoteWriteConformanceTests {
    private let decoder = RemoteWriteDecoder()

    private func decode(_ name: String) throws -> WriteBatch {
        let contentType = name.hasPrefix("rw2") ? RequestBodies.v2ContentType : RequestBodies.v1ContentType
        return try decoder.decode(body: Captures.body(name), contentType: contentType, maxDecompressedSize: 1 << 20)
    }

    @Test("every capture matches its expected.json exactly", arguments: (try? Captures.names()) ?? [])
    func capture(name: String) throws {
        let batch = try decode(name)
        let expected = try Captures.expected(name)
        let series = try #require(expected["timeseries"] as? [[String: Any]])
        try #require(batch.series.count == series.count)
        for (index, (got, want)) in zip(batch.series, series).enumerated() {
            try compare(got, want, where: "\(name) series \(index)")
        }
        let wantMetadata = expected["metadata"] as? [[String: Any]] ?? []
        if name.hasPrefix("rw1") {
            #expect(batch.version == .v1)
            #expect(batch.metadata.count == wantMetadata.count)
        } else {
            #expect(batch.version == .v2)
            try compareV2Metadata(batch, series)
        }
        try compareSummary(batch, expected["summary"] as? [String: Any] ?? [:], name: name)
    }

    @Test("the 2.0 capture holds 7 samples, 1 histogram and 1 exemplar")
    func v2Counts() throws {
        let batch = try decode("rw2-SYNTHETIC-demo-target")
        #expect(batch.sampleCount == 7)
        #expect(batch.histogramCount == 1)
        #expect(batch.exemplarCount == 1)
        #expect(batch.series.count == 8)
        let counter = batch.series[0]
        #expect(counter.samples.first?.startTimestamp == 1_795_915_800_000)
        #expect(batch.metadata.first { $0.familyName == "demo_latency_seconds" }?.help == "Demo latency (native histogram).")
    }

    @Test("stale markers keep their exact NaN bits, float and histogram")
    func staleMarkers() throws {
        let batch = try decode("rw1-target-down-stale-markers")
        let stale = batch.series.flatMap(\.samples).filter(\.isStaleMarker)
        #expect(stale.count == 2)
        #expect(stale.allSatisfy { $0.value.bitPattern == 0x7FF0_0000_0000_0002 })
        let histograms = batch.series.flatMap(\.histograms)
        #expect(histograms.count == 1)
        #expect(histograms[0].isStaleMarker)
    }

    // MARK: - Comparison

    private func compare(_ got: WriteBatch.Series, _ want: [String: Any], where place: String) throws {
        let labels = ExpectedJSON.labels(want["labels"])
        #expect(got.labels.map { [$0.name, $0.value] } == labels, "\(place): labels")

        let samples = want["samples"] as? [[String: Any]] ?? []
        try #require(got.samples.count == samples.count, "\(place): sample count")
        for (sample, wantSample) in zip(got.samples, samples) {
            #expect(sample.timestamp == ExpectedJSON.int64(wantSample["timestamp"]), "\(place)")
            #expect(sample.value.bitPattern == ExpectedJSON.floatBits(wantSample["value"], bitsFrom: wantSample), "\(place)")
            if let start = wantSample["start_timestamp"] {
                #expect(sample.startTimestamp == ExpectedJSON.int64(start), "\(place)")
            }
        }

        let exemplars = want["exemplars"] as? [[String: Any]] ?? []
        try #require(got.exemplars.count == exemplars.count, "\(place): exemplar count")
        for (exemplar, wantExemplar) in zip(got.exemplars, exemplars) {
            #expect(exemplar.labels.map { [$0.name, $0.value] } == ExpectedJSON.labels(wantExemplar["labels"]), "\(place)")
            #expect(exemplar.value.bitPattern == ExpectedJSON.floatBits(wantExemplar["value"], bitsFrom: wantExemplar), "\(place)")
            #expect(exemplar.timestamp == ExpectedJSON.int64(wantExemplar["timestamp"]), "\(place)")
        }

        let histograms = want["histograms"] as? [[String: Any]] ?? []
        try #require(got.histograms.count == histograms.count, "\(place): histogram count")
        for (histogram, wantHistogram) in zip(got.histograms, histograms) {
            compare(histogram, wantHistogram, where: place)
        }
    }

    /// Handles both shapes of the files: 1.0 nests `count`/`zero_count`/`sum`, 2.0 is flat.
    private func compare(_ got: WriteBatch.Histogram, _ want: [String: Any], where place: String) {
        let count = want["count"] as? [String: Any] ?? want
        let zeroCount = want["zero_count"] as? [String: Any] ?? want
        switch got.count {
        case let .integer(value): #expect(ExpectedJSON.int64(count["count_int"]) == Int64(value), "\(place)")
        case let .float(value): #expect(ExpectedJSON.floatBits(count["count_float"]) == value.bitPattern, "\(place)")
        }
        switch got.zeroCount {
        case let .integer(value): #expect(ExpectedJSON.int64(zeroCount["zero_count_int"]) == Int64(value), "\(place)")
        case let .float(value): #expect(ExpectedJSON.floatBits(zeroCount["zero_count_float"]) == value.bitPattern, "\(place)")
        }
        #expect(got.sum.bitPattern == ExpectedJSON.floatBits(want["sum"]), "\(place): sum")
        #expect(Int64(got.schema) == ExpectedJSON.int64(want["schema"]), "\(place)")
        #expect(got.zeroThreshold == ExpectedJSON.double(want["zero_threshold"]), "\(place)")
        #expect(got.timestamp == ExpectedJSON.int64(want["timestamp"]), "\(place)")
        if let start = want["start_timestamp"] {
            #expect(got.startTimestamp == ExpectedJSON.int64(start), "\(place)")
        }
        if let hint = want["reset_hint"] as? String {
            #expect(hint == "UNKNOWN" ? got.resetHint == .unknown : false, "\(place): reset hint \(hint)")
        }
        #expect(spans(got.positiveSpans) == spans(want["positive_spans"]), "\(place)")
        #expect(spans(got.negativeSpans) == spans(want["negative_spans"]), "\(place)")
        #expect(got.positiveDeltas == ints(want["positive_deltas"]), "\(place)")
        #expect(got.negativeDeltas == ints(want["negative_deltas"]), "\(place)")
        #expect(got.positiveCounts.map(\.bitPattern) == doubles(want["positive_counts"]), "\(place)")
        #expect(got.negativeCounts.map(\.bitPattern) == doubles(want["negative_counts"]), "\(place)")
    }

    private func spans(_ spans: [WriteBatch.BucketSpan]) -> [[Int64]] {
        spans.map { [Int64($0.offset), Int64($0.length)] }
    }

    private func spans(_ value: Any?) -> [[Int64]] {
        (value as? [Any] ?? []).map { span in
            if let object = span as? [String: Any] {
                return [ExpectedJSON.int64(object["offset"]) ?? -1, ExpectedJSON.int64(object["length"]) ?? -1]
            }
            return (span as? [Any] ?? []).map { ExpectedJSON.int64($0) ?? -1 }
        }
    }

    private func ints(_ value: Any?) -> [Int64] {
        (value as? [Any] ?? []).compactMap(ExpectedJSON.int64)
    }

    private func doubles(_ value: Any?) -> [UInt64] {
        (value as? [Any] ?? []).compactMap { ExpectedJSON.floatBits($0) }
    }

    private func compareV2Metadata(_ batch: WriteBatch, _ series: [[String: Any]]) throws {
        for (index, want) in series.enumerated() {
            guard let metadata = want["metadata"] as? [String: Any] else { continue }
            let name = batch.series[index].metricName
            let family = try #require(batch.metadata.first { $0.familyName == name }, "metadata of \(name)")
            let type = (metadata["type"] as? String ?? "").replacingOccurrences(of: "METRIC_TYPE_", with: "").lowercased()
            #expect(family.type.rawValue == (type == "unspecified" ? "unknown" : type), "\(name)")
            #expect(family.help == metadata["help"] as? String, "\(name)")
            #expect(family.unit == metadata["unit"] as? String, "\(name)")
        }
    }

    private func compareSummary(_ batch: WriteBatch, _ summary: [String: Any], name: String) throws {
        let entries = ExpectedJSON.int64(summary["timeseries_entries"] ?? summary["timeseries"])
        #expect(Int64(batch.series.count) == entries, "\(name)")
        #expect(Int64(batch.sampleCount) == ExpectedJSON.int64(summary["float_samples"]), "\(name)")
        #expect(Int64(batch.histogramCount) == ExpectedJSON.int64(summary["histograms"]), "\(name)")
        #expect(Int64(batch.exemplarCount) == ExpectedJSON.int64(summary["exemplars"]), "\(name)")
        if let stale = ExpectedJSON.int64(summary["stale_markers_float"]) {
            #expect(Int64(batch.series.flatMap(\.samples).filter(\.isStaleMarker).count) == stale, "\(name)")
        }
        if let stale = ExpectedJSON.int64(summary["stale_markers_histogram"]) {
            #expect(Int64(batch.series.flatMap(\.histograms).filter(\.isStaleMarker).count) == stale, "\(name)")
        }
        if let distinct = ExpectedJSON.int64(summary["distinct_labelsets"]) {
            let sets = Set(batch.series.map { $0.labels.map { "\($0.name)=\($0.value)" }.joined(separator: ",") })
            #expect(Int64(sets.count) == distinct, "\(name)")
        }
    }
}
