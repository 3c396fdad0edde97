import RemoteWrite
import Snappy
import Testing

/// A large 1.0 body decoded in concurrent parts gives exactly what decoding it in one piece gives:
/// the same series in the same order, and the same error, word for word, for a bad body.
@Suite struct ParallelDecodeTests {
    private static func series(_ count: Int, badAt: Int? = nil) -> [RequestBodies.V1Series] {
        (0..<count).map { index in
            var labels: [RequestBodies.RawLabel] = [.init("__name__", "requests_total"), .init("instance", "host-\(index % 97)"), .init("pod", "pod-\(index)")]
            if index == badAt { labels.append(.init("1bad", "x")) }
            return RequestBodies.V1Series(labels: labels, samples: [(Int64(index) * 1000, UInt64(index) &* 0x9E37_79B9)])
        }
    }

    private static func decode(_ body: [UInt8], parallelism: Int, known: SeriesKeyTable? = nil) async -> Result<WriteBatch, RemoteWriteError> {
        do {
            return .success(try await RemoteWriteDecoder().decode(
                body: body, contentType: RequestBodies.v1ContentType, knownSeries: known, parallelism: parallelism))
        } catch {
            return .failure(error)
        }
    }

    @Test(arguments: [2, 3, 4])
    func partsAgreeWithOnePiece(parallelism: Int) async throws {
        let body = RequestBodies.v1(Self.series(9_001), metadata: [.init(type: 1, family: "requests_total", help: "h", unit: "")])
        let whole = try RemoteWriteDecoder().decode(body: body, contentType: RequestBodies.v1ContentType)
        #expect(whole.series.count == 9_001)
        let parts = try await Self.decode(body, parallelism: parallelism).get()
        #expect(BatchFingerprint.firstDifference(parts, whole) == nil)

        // With known series: tokens and keys come back as in one piece.
        var table = SeriesKeyTable()
        for series in try RemoteWriteDecoder().decode(body: body, contentType: RequestBodies.v1ContentType, knownSeries: table).series.prefix(4_000) {
            table.insert(try #require(series.key))
        }
        let onePiece = try RemoteWriteDecoder().decode(body: body, contentType: RequestBodies.v1ContentType, knownSeries: table)
        let concurrent = try await Self.decode(body, parallelism: parallelism, known: table).get()
        #expect(concurrent.series.map(\.knownSeries) == onePiece.series.map(\.knownSeries))
        #expect(concurrent.series.map(\.key) == onePiece.series.map(\.key))
        #expect(concurrent.series.count { $0.knownSeries != nil } == 4_000)
    }

    @Test func aLabelErrorInALaterPartIsReportedAsInOnePiece() async throws {
        let body = RequestBodies.v1(Self.series(8_000, badAt: 7_000))
        let whole = Result { () throws(RemoteWriteError) in try RemoteWriteDecoder().decode(body: body, contentType: RequestBodies.v1ContentType) }
        let parts = await Self.decode(body, parallelism: 4)
        guard case let .failure(expected) = whole, case let .failure(got) = parts else {
            Issue.record("both must fail: \(whole) / \(parts)")
            return
        }
        #expect(got.code == expected.code && got.message == expected.message)
        #expect(got.message.contains("7000"), "\(got.message)")
    }

    @Test func aStructuralErrorIsReportedAsInOnePiece() async throws {
        var protobuf = try Snappy.decompress(RequestBodies.v1(Self.series(8_000)), maxDecompressedSize: 1 << 26)
        // Cut the body inside its last series: the last top-level field runs past the end.
        protobuf.removeLast(5)
        let body = Snappy.compress(protobuf)
        let whole = Result { () throws(RemoteWriteError) in try RemoteWriteDecoder().decode(body: body, contentType: RequestBodies.v1ContentType) }
        let parts = await Self.decode(body, parallelism: 4)
        guard case let .failure(expected) = whole, case let .failure(got) = parts else {
            Issue.record("both must fail: \(whole) / \(parts)")
            return
        }
        #expect(got.code == expected.code && got.message == expected.message)
    }

    @Test func smallBodiesAreDecodedInOnePiece() async throws {
        let body = RequestBodies.v1(Self.series(500))
        let parts = try await Self.decode(body, parallelism: 4).get()
        #expect(BatchFingerprint.firstDifference(parts, try RemoteWriteDecoder().decode(body: body, contentType: RequestBodies.v1ContentType)) == nil)
    }
}
