internal import Dispatch
import Snappy

/// Decodes remote-write request bodies (snappy block + protobuf) into a ``WriteBatch``.
///
/// Pure: no I/O, no logging. The HTTP layer passes the body, its Content-Type and its size
/// limit, and maps a thrown ``RemoteWriteError`` to ``RemoteWriteError/httpStatus``.
public struct RemoteWriteDecoder: Sendable {
    /// A default limit on the decompressed size of a body: 32 MiB.
    public static let defaultMaxDecompressedSize = 32 << 20

    /// Creates a decoder.
    public init() {}

    /// Decodes a compressed body, picking 1.0 or 2.0 from its Content-Type.
    ///
    /// - Parameters:
    ///   - body: the request body as received (snappy block format).
    ///   - contentType: the Content-Type header value, or `nil` when absent (then 1.0).
    ///   - maxDecompressedSize: the largest decompressed size accepted; checked against the
    ///     size the snappy block declares, before anything is allocated.
    ///   - knownSeries: series seen before by their label bytes (remote-write 1.0 only): a
    ///     series found there comes back with its token in ``WriteBatch/Series/knownSeries``
    ///     and no labels, without being built or validated again (its bytes were valid when
    ///     they were added); any other series comes back with its ``WriteBatch/Series/key``.
    /// - Throws: ``RemoteWriteError``; its code maps to 400, 413 or 415.
    public func decode(
        body: some Collection<UInt8>,
        contentType: String?,
        maxDecompressedSize: Int = RemoteWriteDecoder.defaultMaxDecompressedSize,
        knownSeries: SeriesKeyTable? = nil
    ) throws(RemoteWriteError) -> WriteBatch {
        let version = try RemoteWriteVersion(contentType: contentType)
        let protobuf = try decompress(body, maxDecompressedSize: maxDecompressedSize)
        return try decode(protobuf: protobuf, version: version, knownSeries: knownSeries)
    }

    /// Decodes a compressed remote-write 1.0 body (`prometheus.WriteRequest`).
    public func decodeV1(
        compressed body: some Collection<UInt8>,
        maxDecompressedSize: Int = RemoteWriteDecoder.defaultMaxDecompressedSize
    ) throws(RemoteWriteError) -> WriteBatch {
        try decode(protobuf: decompress(body, maxDecompressedSize: maxDecompressedSize), version: .v1)
    }

    /// Decodes a compressed remote-write 2.0 body (`io.prometheus.write.v2.Request`).
    public func decodeV2(
        compressed body: some Collection<UInt8>,
        maxDecompressedSize: Int = RemoteWriteDecoder.defaultMaxDecompressedSize
    ) throws(RemoteWriteError) -> WriteBatch {
        try decode(protobuf: decompress(body, maxDecompressedSize: maxDecompressedSize), version: .v2)
    }

    /// Decodes an already decompressed protobuf message of the given version.
    ///
    /// The body is read in one pass by a hand-written wire reader (`FastV1Decoder`,
    /// `FastV2Decoder`) that gives the same batch and the same errors as decoding with the
    /// generated SwiftProtobuf types and converting, several times faster.
    public func decode(
        protobuf: [UInt8], version: RemoteWriteVersion, knownSeries: SeriesKeyTable? = nil
    ) throws(RemoteWriteError) -> WriteBatch {
        try protobuf.withUnsafeBufferPointer { body throws(RemoteWriteError) -> WriteBatch in
            switch version {
            case .v1: try FastV1Decoder.batch(from: body, knownSeries: knownSeries)
            case .v2: try FastV2Decoder.batch(from: body)
            }
        }
    }

    /// Decodes a compressed body as ``decode(body:contentType:maxDecompressedSize:knownSeries:)``
    /// does, with a large 1.0 body cut into up to `parallelism` runs of series decoded
    /// concurrently (the result, including every error, is the same: a body with any error is
    /// decoded again in one piece, which reports it exactly).
    public func decode(
        body: some Collection<UInt8>,
        contentType: String?,
        maxDecompressedSize: Int = RemoteWriteDecoder.defaultMaxDecompressedSize,
        knownSeries: SeriesKeyTable? = nil,
        parallelism: Int
    ) async throws(RemoteWriteError) -> WriteBatch {
        let version = try RemoteWriteVersion(contentType: contentType)
        let protobuf = try decompress(body, maxDecompressedSize: maxDecompressedSize)
        guard version == .v1, parallelism > 1,
              let runs = protobuf.withUnsafeBufferPointer({
                  FastV1Decoder.runs(of: $0, parts: parallelism, minimumBytesPerPart: Self.minimumBytesPerPart)
              })
        else {
            return try decode(protobuf: protobuf, version: version, knownSeries: knownSeries)
        }
        // The parts are decoded on threads of their own (Dispatch), not as child tasks: a
        // server whose tasks run on its event loops would run child tasks one after another on
        // the loop of the request (see `burnrate serve --tasks-on-event-loops`).
        let parts = Self.decodeConcurrently(protobuf, runs: runs, knownSeries: knownSeries)
        guard parts.allSatisfy({ $0 != nil }) else {
            return try decode(protobuf: protobuf, version: version, knownSeries: knownSeries)
        }
        var batch = WriteBatch(version: .v1)
        batch.series.reserveCapacity(parts.reduce(0) { $0 + $1!.series.count })
        for part in parts {
            batch.series.append(contentsOf: part!.series)
            batch.metadata.append(contentsOf: part!.metadata)
        }
        return batch
    }

    /// Decodes each run of series of `protobuf` at once, one thread per run (the calling thread
    /// takes one); a run with any error comes back `nil`.
    private static func decodeConcurrently(_ protobuf: [UInt8], runs: [Range<Int>], knownSeries: SeriesKeyTable?) -> [WriteBatch?] {
        var parts = [WriteBatch?](repeating: nil, count: runs.count)
        parts.withUnsafeMutableBufferPointer { parts in
            protobuf.withUnsafeBufferPointer { whole in
                // Unchecked: each iteration reads the body and writes only its own element.
                nonisolated(unsafe) let (parts, whole) = (parts, whole)
                DispatchQueue.concurrentPerform(iterations: runs.count) { index in
                    parts[index] = try? FastV1Decoder.batch(from: UnsafeBufferPointer(rebasing: whole[runs[index]]), knownSeries: knownSeries)
                }
            }
        }
        return parts
    }

    /// The fewest bytes (decompressed) a concurrently decoded run holds on average: below that,
    /// handing runs to threads costs more than it saves. About 270 series of one sample each with a
    /// dozen labels, or 125 series of 20 samples each (as a backfill sends them); a body of 500
    /// series of one sample each (Prometheus' default) stays in one piece.
    static let minimumBytesPerPart = 64 << 10

    private func decompress(_ body: some Collection<UInt8>, maxDecompressedSize: Int) throws(RemoteWriteError) -> [UInt8] {
        do {
            return try Snappy.decompress(body, maxDecompressedSize: maxDecompressedSize)
        } catch let error {
            if case .tooLarge = error {
                throw RemoteWriteError(code: .tooLarge, message: "body too large: \(error)")
            }
            throw RemoteWriteError(code: .notSnappy, message: "body is not a snappy block: \(error)")
        }
    }
}
