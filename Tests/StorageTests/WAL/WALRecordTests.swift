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

    /// One sample per series, ids consecutive, timestamps shared or close (a Prometheus request
    /// of 500 series): the id and the first timestamp are stored relative to the previous
    /// series', 1 and 1 to 3 bytes where they took 2 and 6.
    @Test func oneSamplePerSeriesIsCompact() throws {
        let entries = (0..<500).map { index -> (Int64, [ChunkSample]) in
            let t = 1_764_500_000_000 + Int64(index / 162) * 4_321
            return (20_000 + Int64(index), [ChunkSample(t: t, v: Double(100 + index * 3))])
        }
        let bytes = try roundTrip(entries)
        #expect(bytes.count <= 500 * 7, "\(bytes.count) bytes")
        // Ids going down and timestamps going back round-trip too.
        _ = try roundTrip([(9, [ChunkSample(t: 50, v: 1)]), (3, [ChunkSample(t: -7, v: 2)]), (4, []), (1, [ChunkSample(t: 60, v: 3)])])
    }

    /// Rows written before version 2 (absolute ids and first timestamps) are still replayed.
    @Test func readsVersionOneRecords() throws {
        // The bytes version 1 wrote for series 300 and 301, each [1_700_000_000_000: 1.5, +15 s: 2.5].
        var bytes: [UInt8] = [1]
        for id in [300, 301] as [Int64] {
            Varint.append(UInt64(id), to: &bytes)
            Varint.append(2, to: &bytes)
            Varint.append(ZigZag.encode(1_700_000_000_000), to: &bytes)
            bytes += [0x62, 0xf8, 0x3f]  // 1.5: six zero bytes below 0x3ff8
            Varint.append(ZigZag.encode(15_000), to: &bytes)
            bytes += [0x62, 0xfc, 0x7f]  // 2.5 XOR 1.5: 0x7ffc_0000_0000_0000
        }
        let decoded = try WALRecordReader.decode(bytes)
        let samples = [ChunkSample(t: 1_700_000_000_000, v: 1.5), ChunkSample(t: 1_700_000_015_000, v: 2.5)]
        #expect(decoded.map(\.seriesID) == [300, 301])
        #expect(decoded.map(\.samples) == [samples, samples])
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
