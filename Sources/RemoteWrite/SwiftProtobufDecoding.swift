import SwiftProtobuf

/// The reference decoding path: SwiftProtobuf's generated types, then ``V1Conversion`` or
/// ``V2Conversion``.
///
/// ``RemoteWriteDecoder`` uses the hand-written ``FastV1Decoder`` and ``FastV2Decoder``; this
/// path stays as the oracle the differential tests compare them with.
package enum SwiftProtobufDecoding {
    /// Decodes an already decompressed protobuf message of the given version.
    package static func batch(protobuf: [UInt8], version: RemoteWriteVersion) throws(RemoteWriteError) -> WriteBatch {
        var options = BinaryDecodingOptions()
        options.discardUnknownFields = true
        switch version {
        case .v1:
            let request: Prometheus_WriteRequest
            do {
                request = try Prometheus_WriteRequest(serializedBytes: protobuf, options: options)
            } catch {
                throw notProtobuf(version, error)
            }
            return try V1Conversion.batch(from: request)
        case .v2:
            let request: Io_Prometheus_Write_V2_Request
            do {
                request = try Io_Prometheus_Write_V2_Request(serializedBytes: protobuf, options: options)
            } catch {
                throw notProtobuf(version, error)
            }
            return try V2Conversion.batch(from: request)
        }
    }

    private static func notProtobuf(_ version: RemoteWriteVersion, _ error: any Error) -> RemoteWriteError {
        RemoteWriteError(
            code: .notProtobuf,
            message: "body is not a valid \(version.protoMessageName) message: \(error)"
        )
    }
}
