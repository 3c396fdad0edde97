/// What one remote-write request came to, in HTTP terms: the status Prometheus' receiver would
/// answer, a message for errors, and headers.
public struct IngestResult: Sendable, Equatable {
    /// The HTTP status: 204 stored, 400 bad data, 413 too large, 415 unsupported content type,
    /// 500 a failure a retry can fix.
    public var status: Int
    /// The error message (empty on success).
    public var message: String
    /// Response headers (remote-write 2.0's `X-Prometheus-Remote-Write-*-Written`).
    public var headers: [String: String]
    /// Samples stored (accepted plus harmless duplicates).
    public var samplesWritten: Int

    /// Creates a result.
    public init(status: Int, message: String = "", headers: [String: String] = [:], samplesWritten: Int = 0) {
        self.status = status
        self.message = message
        self.headers = headers
        self.samplesWritten = samplesWritten
    }

    /// True for a 2xx answer.
    public var isSuccess: Bool { (200..<300).contains(status) }
}
