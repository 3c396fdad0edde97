@testable import RemoteWrite
import Snappy
import Testing

/// `FastV1Decoder.seriesCount`, the capacity the decoder reserves for a body's series: the
/// number of `TimeSeries` fields, metadata not counted, and what it counted before a malformed
/// field.
@Suite struct SeriesCountTests {
    private static func body(series count: Int) throws -> [UInt8] {
        let series = (0..<count).map { index in
            RequestBodies.V1Series(labels: [.init("__name__", "up"), .init("pod", "pod-\(index)")], samples: [(Int64(index), 1)])
        }
        let compressed = RequestBodies.v1(series, metadata: [.init(type: 1, family: "up", help: "h", unit: "")])
        return try Snappy.decompress(compressed, maxDecompressedSize: 1 << 24)
    }

    @Test(arguments: [0, 1, 500])
    func countsTheSeriesFields(count: Int) throws {
        let protobuf = try Self.body(series: count)
        #expect(protobuf.withUnsafeBufferPointer { FastV1Decoder.seriesCount(in: $0) } == count)
        #expect(try RemoteWriteDecoder().decode(protobuf: protobuf, version: .v1).series.count == count)
    }

    @Test func stopsAtAMalformedField() throws {
        var protobuf = try Self.body(series: 10)
        // A field whose length runs past the end, after the ten series and the metadata.
        protobuf += [0x0a, 0x7f, 0x01]
        #expect(protobuf.withUnsafeBufferPointer { FastV1Decoder.seriesCount(in: $0) } == 10)
        #expect(throws: RemoteWriteError.self) { try RemoteWriteDecoder().decode(protobuf: protobuf, version: .v1) }
    }
}
