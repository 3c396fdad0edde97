/// The remote-write protocol message a request body holds.
public enum RemoteWriteVersion: Sendable, Hashable {
    /// Remote-write 1.0: `prometheus.WriteRequest`.
    case v1
    /// Remote-write 2.0: `io.prometheus.write.v2.Request`.
    case v2

    /// The fully qualified protobuf message name, as used in the `proto` parameter.
    public var protoMessageName: String {
        switch self {
        case .v1: "prometheus.WriteRequest"
        case .v2: "io.prometheus.write.v2.Request"
        }
    }

    /// Picks the version from a Content-Type header value, as the 2.0 specification says.
    ///
    /// Accepted: `application/x-protobuf` (1.0), `application/x-protobuf;proto=prometheus.WriteRequest`
    /// (1.0) and `application/x-protobuf;proto=io.prometheus.write.v2.Request` (2.0). Following
    /// RFC 9110 the media type and parameter names are case-insensitive, whitespace around `;`
    /// and `=` is allowed, a value may be quoted and unknown parameters are ignored. A missing
    /// or empty header means 1.0, as Prometheus' own receiver assumes.
    ///
    /// - Throws: ``RemoteWriteError`` with code ``RemoteWriteError/Code/unsupportedContentType``.
    public init(contentType: String?) throws(RemoteWriteError) {
        guard let contentType, contentType.contains(where: { !$0.isWhitespace }) else {
            self = .v1
            return
        }
        func unsupported(_ why: String) -> RemoteWriteError {
            RemoteWriteError(code: .unsupportedContentType, message: "unsupported Content-Type \"\(contentType)\": \(why)")
        }
        let parts = contentType.split(separator: ";", omittingEmptySubsequences: false)
        let mediaType = parts[0].trimmingWhitespace().lowercased()
        guard mediaType == "application/x-protobuf" else {
            throw unsupported("expected media type application/x-protobuf")
        }
        var version = RemoteWriteVersion.v1
        for parameter in parts.dropFirst() {
            let trimmed = parameter.trimmingWhitespace()
            if trimmed.isEmpty { continue }
            guard let equals = trimmed.firstIndex(of: "=") else {
                throw unsupported("parameter \"\(trimmed)\" is not name=value")
            }
            let name = trimmed[..<equals].trimmingWhitespace().lowercased()
            var value = trimmed[trimmed.index(after: equals)...].trimmingWhitespace()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = value.dropFirst().dropLast()
            }
            guard name == "proto" else { continue }
            switch value {
            case RemoteWriteVersion.v1.protoMessageName: version = .v1
            case RemoteWriteVersion.v2.protoMessageName: version = .v2
            default: throw unsupported("unknown proto message \"\(value)\"")
            }
        }
        self = version
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    fileprivate func trimmingWhitespace() -> Substring {
        let text = Substring(self)
        guard let first = text.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return text[text.endIndex...] }
        let last = text.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return text[first...last]
    }
}
