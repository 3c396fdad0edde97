import RemoteWrite
import Testing

/// The table of known series by the wire bytes of their labels, and the decoder's known-series
/// path: a series found in the table comes back by its token, and resolving tokens to the labels
/// learned earlier gives exactly what decoding without the table gives.
@Suite struct SeriesKeyTableTests {
    @Test func tokensAreGivenInOrderAndFoundAgain() {
        var table = SeriesKeyTable()
        #expect(table.count == 0)
        #expect(table.token(of: [1, 2, 3]) == nil)
        #expect(table.insert([1, 2, 3]) == 0)
        #expect(table.insert([1, 2, 3, 4]) == 1)
        #expect(table.insert([]) == 2)
        #expect(table.insert([1, 2, 3]) == 0, "a key added twice keeps its token")
        #expect(table.count == 3)
        #expect(table.token(of: [1, 2, 3]) == 0)
        #expect(table.token(of: [1, 2, 3, 4]) == 1)
        #expect(table.token(of: []) == 2)
        #expect(table.token(of: [1, 2]) == nil)
        #expect(table.token(of: [1, 2, 4]) == nil)
        table.removeAll()
        #expect(table.count == 0)
        #expect(table.token(of: [1, 2, 3]) == nil)
    }

    @Test func aGuessedTokenIsCheckedAndAWrongGuessStillFindsTheKey() {
        var table = SeriesKeyTable()
        for index in 0..<100 { table.insert(Array("series-\(index)".utf8)) }
        let key = Array("series-17".utf8)
        #expect(table.token(of: key, guess: 17) == 17)
        #expect(table.token(of: key, guess: 18) == 17, "a key of the same length is compared, not trusted")
        #expect(table.token(of: key, guess: 5) == 17, "a key of another length")
        #expect(table.token(of: key, guess: -1) == 17)
        #expect(table.token(of: key, guess: 100) == 17, "past the last token")
        #expect(table.token(of: Array("series-1x".utf8), guess: 17) == nil)
    }

    @Test func manyKeysOfSharedPrefixesGrowTheIndex() {
        var table = SeriesKeyTable()
        let prefix = Array(repeating: UInt8(ascii: "x"), count: 37)
        func key(_ index: Int) -> [UInt8] { prefix + Array("pod-\(index)".utf8) }
        for index in 0..<20_000 { #expect(table.insert(key(index)) == Int32(index)) }
        var found = 0
        for index in 0..<20_000 where table.token(of: key(index)) == Int32(index) { found += 1 }
        #expect(found == 20_000)
        #expect(table.token(of: key(20_000)) == nil)
    }

    /// Resolves the tokens of `batch` with `labelsByToken` (the labels learned with each key).
    private static func resolved(_ batch: WriteBatch, _ labelsByToken: [Int32: [WriteBatch.Label]]) -> WriteBatch {
        var batch = batch
        for index in batch.series.indices {
            if let token = batch.series[index].knownSeries { batch.series[index].labels = labelsByToken[token] ?? [] }
        }
        return batch
    }

    /// Learns the keys of a decoded batch into `table`.
    private static func learn(_ batch: WriteBatch, into table: inout SeriesKeyTable, _ labelsByToken: inout [Int32: [WriteBatch.Label]]) {
        for series in batch.series {
            guard let key = series.key else { continue }
            labelsByToken[table.insert(key)] = series.labels
        }
    }

    @Test func theSameBodyAgainComesBackAsKnownSeriesWithTheSameContent() throws {
        let body = RequestBodies.v1([
            .init(labels: [.init("__name__", "up"), .init("job", "a")]),
            .init(labels: [.init("__name__", "up"), .init("job", "b")], samples: [(2000, 0), (1000, 0x7FF0_0000_0000_0002)]),
            .init(labels: [.init("__name__", "x"), .init("empty", ""), .init("job", "a")]),
            .init(labels: [.init("job", "a"), .init("__name__", "unsorted")]),
        ])
        let decoder = RemoteWriteDecoder()
        let type = RequestBodies.v1ContentType
        let plain = try decoder.decode(body: body, contentType: type)
        var table = SeriesKeyTable()
        let first = try decoder.decode(body: body, contentType: type, knownSeries: table)
        #expect(first.series.allSatisfy { $0.knownSeries == nil && $0.key != nil })
        #expect(BatchFingerprint.firstDifference(first, plain) == nil)
        var labelsByToken: [Int32: [WriteBatch.Label]] = [:]
        Self.learn(first, into: &table, &labelsByToken)
        #expect(table.count == 4)

        let again = try decoder.decode(body: body, contentType: type, knownSeries: table)
        #expect(again.series.map(\.knownSeries) == [0, 1, 2, 3])
        #expect(again.series.allSatisfy { $0.labels.isEmpty && $0.key == nil })
        #expect(BatchFingerprint.firstDifference(Self.resolved(again, labelsByToken), plain) == nil)

        // The same series in another order: each is found although the next token is guessed.
        let series: [RequestBodies.V1Series] = [
            .init(labels: [.init("job", "a"), .init("__name__", "unsorted")]),
            .init(labels: [.init("__name__", "up"), .init("job", "a")]),
            .init(labels: [.init("__name__", "x"), .init("empty", ""), .init("job", "a")]),
            .init(labels: [.init("__name__", "up"), .init("job", "b")], samples: [(2000, 0), (1000, 0x7FF0_0000_0000_0002)]),
        ]
        let reordered = RequestBodies.v1(series)
        let shuffled = try decoder.decode(body: reordered, contentType: type, knownSeries: table)
        #expect(shuffled.series.map(\.knownSeries) == [3, 0, 2, 1])
        let reorderedPlain = try decoder.decode(body: reordered, contentType: type)
        #expect(BatchFingerprint.firstDifference(Self.resolved(shuffled, labelsByToken), reorderedPlain) == nil)
    }

    @Test func labelsInterleavedWithOtherFieldsHaveNoKey() throws {
        // A series whose label fields are split by a sample: its labels are not one run of bytes.
        var request = ProtobufWriter()
        request.message(1) { series in
            series.message(1) { $0.bytes(1, Array("__name__".utf8)); $0.bytes(2, Array("up".utf8)) }
            series.message(2) { $0.doubleBits(1, 0x3FF0_0000_0000_0000); $0.int64(2, 1000) }
            series.message(1) { $0.bytes(1, Array("job".utf8)); $0.bytes(2, Array("a".utf8)) }
        }
        request.message(1) { series in
            series.message(2) { $0.doubleBits(1, 0x3FF0_0000_0000_0000); $0.int64(2, 1000) }
            series.message(1) { $0.bytes(1, Array("__name__".utf8)); $0.bytes(2, Array("up".utf8)) }
            series.message(1) { $0.bytes(1, Array("job".utf8)); $0.bytes(2, Array("b".utf8)) }
        }
        let batch = try RemoteWriteDecoder().decode(protobuf: request.bytes, version: .v1, knownSeries: SeriesKeyTable())
        #expect(batch.series.count == 2)
        #expect(batch.series[0].key == nil, "labels split by a sample")
        #expect(batch.series[0].labels.map(\.value) == ["up", "a"])
        #expect(batch.series[1].key != nil, "samples before contiguous labels are fine")
    }

    @Test func remoteWrite2HasNoKeys() throws {
        let body = RequestBodies.v2(symbols: ["", "__name__", "up"], series: [.init(refs: [1, 2])])
        let batch = try RemoteWriteDecoder().decode(body: body, contentType: RequestBodies.v2ContentType, knownSeries: SeriesKeyTable())
        #expect(batch.series.count == 1)
        #expect(batch.series[0].key == nil && batch.series[0].knownSeries == nil)
        #expect(batch.series[0].labels.map(\.value) == ["up"])
    }

    @Test("random requests decode the same with what earlier requests taught the table", arguments: [false, true])
    func randomRequestsAgreeWithPlainDecoding(hostile: Bool) {
        var requests = RandomRequests(seed: hostile ? 0x5EED_BAD : 0x5EED, hostile: hostile)
        let decoder = RemoteWriteDecoder()
        var table = SeriesKeyTable()
        var labelsByToken: [Int32: [WriteBatch.Label]] = [:]
        var known = 0
        for iteration in 0..<300 {
            let body = requests.v1()
            let plain = Result { () throws(RemoteWriteError) in try decoder.decode(protobuf: body, version: .v1) }
            // Twice: once against what earlier requests taught, once after learning this one.
            for pass in 0..<2 {
                let cached = Result { () throws(RemoteWriteError) in try decoder.decode(protobuf: body, version: .v1, knownSeries: table) }
                switch (cached, plain) {
                case let (.success(got), .success(want)):
                    known += got.series.count { $0.knownSeries != nil }
                    let difference = BatchFingerprint.firstDifference(Self.resolved(got, labelsByToken), want)
                    #expect(difference == nil, "request \(iteration) pass \(pass): \(difference ?? "")")
                    Self.learn(got, into: &table, &labelsByToken)
                case let (.failure(got), .failure(want)):
                    #expect(got.code == want.code && got.message == want.message, "request \(iteration): \(got) instead of \(want)")
                default:
                    Issue.record("request \(iteration) pass \(pass): \(cached) against \(plain)")
                }
            }
        }
        #expect(known > 100, "the second pass of each valid request finds its series")
    }
}
