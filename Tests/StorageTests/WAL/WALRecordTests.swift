import Testing
@testable import Storage

@Suite struct WALRecordTests {
    private func roundTrip(_ entries: [(Int64, [ChunkSample])]) throws -> [UInt8] {
        var writer = WALRecordWriter(expectedSamples: 16)
        for (id, samples) in entries {
            writer.beginSeries(id: id, count: samples.count)
            for sample in samples { writer.append(t: sample.t, v: sample.v) }
        }
        let decoded = try WALRecordReader.decode(writer.bytes)
        #expect(decoded.map(\.seriesID) == entries.map(\.0))
        #expect(decoded.map(\.samples) == entries.map(\.1))
        #expect(writer.sampleCount == entries.reduce(0) { $0 + $1.1.count })
        return writer.bytes
    }

    @Test func roundTripsEveryKindOfValueAndTime() throws {
        let odd = [
            ChunkSample(t: -5, v: -0.0), ChunkSample(t: 0, v: .nan), ChunkSample(t: 1, v: ChunkSample.staleMarker),
            ChunkSample(t: 2, v: .infinity), ChunkSample(t: Int64.max / 2, v: 1e-300), ChunkSample(t: Int64.max, v: 0),
        ]
        _ = try roundTrip([(1, odd), (Int64.max, [ChunkSample(t: Int64.min, v: 42)]), (7, [])])
    }

    @Test func regularCountersAreCompact() throws {
        let samples = (0..<100).map { ChunkSample(t: 1_700_000_000_000 + Int64($0) * 15_000, v: Double(1000 + $0 * 7)) }
        let bytes = try roundTrip([(3, samples)])
        #expect(bytes.count < 100 * 4)
    }

    @Test func corruptBytesAreACleanError() throws {
        let bytes = try roundTrip([(3, [ChunkSample(t: 1, v: 1.5), ChunkSample(t: 2, v: 2.5)])])
        for cut in 2..<bytes.count {  // [version] alone is an empty record
            #expect(throws: StorageError.self) { try WALRecordReader.decode(Array(bytes[..<cut])) }
        }
        #expect(try WALRecordReader.decode([1]).isEmpty)
        #expect(throws: StorageError.self) { try WALRecordReader.decode([]) }
        #expect(throws: StorageError.self) { try WALRecordReader.decode([9]) }
        // A value header announcing more than eight bytes.
        #expect(throws: StorageError.self) { try WALRecordReader.decode([1, 1, 1, 2, 0x7f]) }
    }
}
