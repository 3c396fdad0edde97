/// Builds the bytes of one `sample_wal` row: the samples a batch added, per series.
///
/// Format (version 2): a version byte, then for each series until the end: the series id as the
/// zig-zag varint of its difference from the previous series' id in the record (from 0), and the
/// sample count as a varint; then per sample its timestamp (the first as the zig-zag varint of
/// its difference from the first timestamp of the previous series in the record, from 0; the
/// second as the zig-zag delta, the rest as zig-zag deltas of deltas, so a regular scrape costs
/// one byte) and its value (the XOR with the previous value's bits, starting from 0: one byte `0`
/// when equal, else a byte `trailingZeroBytes << 4 | significantBytes` and the significant
/// bytes, low first). Samples of a series are ascending. Regular 15 s counters take about 3 to 4
/// bytes a sample.
///
/// A request of one sample per series is the common case (Prometheus sends 500 such series per
/// request by default): there consecutive series usually have consecutive ids and the same or a
/// close timestamp, so the id takes one byte and the timestamp one to three, where version 1
/// (ids and first timestamps as they are, still read by `WALRecordReader`) took two and six: 13.3
/// bytes a sample became about 7, and the row of such a request fits in one database page
/// instead of spilling into an overflow page. Stale markers and NaN payloads keep their bits.
struct WALRecordWriter {
    static let version: UInt8 = 2

    private(set) var bytes: [UInt8]
    private(set) var sampleCount = 0
    private var previousT: Int64 = 0
    private var previousDelta: Int64 = 0
    private var previousBits: UInt64 = 0
    private var indexInSeries = 0
    /// The id of the previous series, and the first timestamp of the previous series that had
    /// samples (both 0 before the first).
    private var previousID: Int64 = 0
    private var previousFirstT: Int64 = 0

    /// Starts a record with room for about `expectedSamples` samples.
    init(expectedSamples: Int) {
        bytes = []
        // About 7 bytes a sample with one sample per series, 3 to 4 with many.
        bytes.reserveCapacity(16 + expectedSamples * 8)
        bytes.append(Self.version)
    }

    /// Starts the samples of one series; exactly `count` calls of `append` follow.
    mutating func beginSeries(id: Int64, count: Int) {
        Varint.append(ZigZag.encode(id &- previousID), to: &bytes)
        Varint.append(UInt64(count), to: &bytes)
        previousID = id
        indexInSeries = 0
        previousBits = 0
    }

    /// Appends one sample of the current series.
    @inline(__always)
    mutating func append(t: Int64, v: Double) {
        switch indexInSeries {
        case 0:
            Varint.append(ZigZag.encode(t &- previousFirstT), to: &bytes)
            previousFirstT = t
        case 1:
            previousDelta = t &- previousT
            Varint.append(ZigZag.encode(previousDelta), to: &bytes)
        default:
            let delta = t &- previousT
            Varint.append(ZigZag.encode(delta &- previousDelta), to: &bytes)
            previousDelta = delta
        }
        previousT = t
        indexInSeries += 1
        let bits = v.bitPattern
        let xor = bits ^ previousBits
        previousBits = bits
        sampleCount += 1
        if xor == 0 {
            bytes.append(0)
            return
        }
        let trailing = xor.trailingZeroBitCount / 8
        let significant = 8 - trailing - xor.leadingZeroBitCount / 8
        bytes.append(UInt8(trailing << 4 | significant))
        var shifted = xor >> UInt64(trailing * 8)
        for _ in 0..<significant {
            bytes.append(UInt8(truncatingIfNeeded: shifted))
            shifted >>= 8
        }
    }
}
