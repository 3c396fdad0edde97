/// An error from appending to, encoding or decoding a chunk: what went wrong and where.
///
/// The code is a struct over a private enum, so new codes can be added without breaking callers
/// that switch over the known ones with `==`.
public struct ChunkError: Error, Hashable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case outOfOrder, duplicateTimestamp, chunkFull
            case truncated, corrupt, checksumMismatch, unsupportedFormat
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// An append had a timestamp before the chunk's last one.
        public static let outOfOrder = Code(.outOfOrder)
        /// An append had the same timestamp as the chunk's last one.
        public static let duplicateTimestamp = Code(.duplicateTimestamp)
        /// The chunk already holds `ChunkEncoder.maximumSampleCount` samples.
        public static let chunkFull = Code(.chunkFull)
        /// The bytes end before the data they announce.
        public static let truncated = Code(.truncated)
        /// The bytes are structurally invalid.
        public static let corrupt = Code(.corrupt)
        /// The trailing CRC-32C does not match the bytes.
        public static let checksumMismatch = Code(.checksumMismatch)
        /// The format version or encoding is not one this code reads.
        public static let unsupportedFormat = Code(.unsupportedFormat)

        /// The code's name.
        public var description: String { value.rawValue }
    }

    /// What kind of failure this is.
    public let code: Code
    /// A human-readable explanation.
    public let message: String
    /// The source file that raised the error.
    public let file: String
    /// The source line that raised the error.
    public let line: Int

    /// Creates an error with a code, a message and the place it was raised.
    public init(_ code: Code, _ message: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }

    /// The error as `code: message (file:line)`.
    public var description: String { "\(code): \(message) (\(file):\(line))" }
}
