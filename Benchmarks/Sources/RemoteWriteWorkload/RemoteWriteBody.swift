/// One request body, ready to post: snappy-compressed protobuf.
public struct RemoteWriteBody: Sendable {
    /// The compressed bytes, as sent on the wire.
    public var bytes: [UInt8]
    /// The size of the protobuf message before compression.
    public var uncompressedSize: Int
    /// The number of samples in the body.
    public var sampleCount: Int
    /// The protocol the body is encoded in.
    public var version: WireVersion

    /// Creates a body.
    public init(bytes: [UInt8], uncompressedSize: Int, sampleCount: Int, version: WireVersion) {
        self.bytes = bytes
        self.uncompressedSize = uncompressedSize
        self.sampleCount = sampleCount
        self.version = version
    }
}

/// The remote-write protocol version of a generated body.
public enum WireVersion: String, Sendable, Hashable, CaseIterable {
    /// Remote-write 1.0 (`prometheus.WriteRequest`), what Prometheus 2.42 sends.
    case v1
    /// Remote-write 2.0 (`io.prometheus.write.v2.Request`, symbols table).
    case v2

    /// The Content-Type a sender puts on such a body.
    public var contentType: String {
        switch self {
        case .v1: "application/x-protobuf"
        case .v2: "application/x-protobuf;proto=io.prometheus.write.v2.Request"
        }
    }

    /// The `X-Prometheus-Remote-Write-Version` header value.
    public var headerVersion: String {
        switch self {
        case .v1: "0.1.0"
        case .v2: "2.0.0"
        }
    }
}
