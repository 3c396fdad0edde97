/// Decodes the bytes of one `sample_wal` row written by `WALRecordWriter`: its version 2, and
/// version 1, which stored each series' id and first timestamp as they are (rows written before
/// version 2, replayed after an upgrade).
struct WALRecordReader {
    /// The samples of one series in a record.
    struct Entry {
        /// The series id.
        var seriesID: Int64
        /// The samples, ascending.
        var samples: [ChunkSample]
    }

    /// Every entry of the record, in the order written; throws `.corrupt` on malformed bytes.
    static func decode(_ bytes: [UInt8]) throws(StorageError) -> [Entry] {
        do {
            return try decodeEntries(bytes)
        } catch {
            throw StorageError(.corrupt, "WAL row does not decode: \(error.message)")
        }
    }

    private static func decodeEntries(_ bytes: [UInt8]) throws(ChunkError) -> [Entry] {
        let limit = bytes.count
        guard limit >= 1 else { throw ChunkError(.truncated, "empty record") }
        let version = bytes[0]
        guard version == 1 || version == WALRecordWriter.version else { throw ChunkError(.unsupportedFormat, "version \(version)") }
        // Version 2 stores the id and the first timestamp of a series relative to the previous ones.
        let relative = version == 2
        var offset = 1
        var entries: [Entry] = []
        var previousID: Int64 = 0
        var previousFirstT: Int64 = 0
        while offset < limit {
            let coded = try Varint.read(bytes, at: &offset, limit: limit)
            let id = relative ? previousID &+ ZigZag.decode(coded) : Int64(bitPattern: coded)
            previousID = id
            let count = try Varint.read(bytes, at: &offset, limit: limit)
            // Every sample takes at least two bytes.
            guard count <= UInt64(limit - offset) / 2 else { throw ChunkError(.corrupt, "series \(id) announces \(count) samples") }
            var samples: [ChunkSample] = []
            samples.reserveCapacity(Int(count))
            var t: Int64 = 0
            var delta: Int64 = 0
            var bits: UInt64 = 0
            for index in 0..<Int(count) {
                let coded = ZigZag.decode(try Varint.read(bytes, at: &offset, limit: limit))
                switch index {
                case 0:
                    t = relative ? previousFirstT &+ coded : coded
                    previousFirstT = t
                case 1: delta = coded; t &+= delta
                default: delta &+= coded; t &+= delta
                }
                guard offset < limit else { throw ChunkError(.truncated, "record ends inside a value") }
                let header = bytes[offset]
                offset += 1
                if header != 0 {
                    let trailing = Int(header >> 4)
                    let significant = Int(header & 0x0f)
                    guard significant >= 1, trailing + significant <= 8, limit - offset >= significant else {
                        throw ChunkError(.corrupt, "value header 0x\(String(header, radix: 16))")
                    }
                    var xor: UInt64 = 0
                    for byteIndex in 0..<significant {
                        xor |= UInt64(bytes[offset + byteIndex]) << UInt64(8 * byteIndex)
                    }
                    offset += significant
                    bits ^= xor << UInt64(8 * trailing)
                }
                if let last = samples.last, t <= last.t { throw ChunkError(.corrupt, "series \(id) timestamps not ascending") }
                samples.append(ChunkSample(t: t, v: Double(bitPattern: bits)))
            }
            entries.append(Entry(seriesID: id, samples: samples))
        }
        return entries
    }
}
