/// Why a remote-write request could not be decoded: a code for the HTTP status, and a message
/// that says what and where (`series 12: duplicate label name "job"`).
public struct RemoteWriteError: Error, Sendable, CustomStringConvertible {
    /// The class of failure; each maps to one HTTP status. New codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case notSnappy
            case notProtobuf
            case invalidLabels
            case tooLarge
            case unsupportedContentType
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The body is not a valid snappy block (400).
        public static let notSnappy = Code(.notSnappy)
        /// The decompressed body is not a valid protobuf message of the expected type (400).
        public static let notProtobuf = Code(.notProtobuf)
        /// A label set breaks the rules: empty, duplicate or malformed name, invalid UTF-8,
        /// missing `__name__`, or a 2.0 symbol reference out of range (400).
        public static let invalidLabels = Code(.invalidLabels)
        /// The declared decompressed size exceeds the caller's limit (413).
        public static let tooLarge = Code(.tooLarge)
        /// The Content-Type names no protocol this decoder speaks (415).
        public static let unsupportedContentType = Code(.unsupportedContentType)

        /// The HTTP status a receiver answers with for this code.
        public var httpStatus: Int {
            switch base {
            case .notSnappy, .notProtobuf, .invalidLabels: 400
            case .tooLarge: 413
            case .unsupportedContentType: 415
            }
        }

        /// The code's name, e.g. `invalidLabels`.
        public var description: String {
            switch base {
            case .notSnappy: "notSnappy"
            case .notProtobuf: "notProtobuf"
            case .invalidLabels: "invalidLabels"
            case .tooLarge: "tooLarge"
            case .unsupportedContentType: "unsupportedContentType"
            }
        }
    }

    /// The class of failure.
    public let code: Code
    /// What went wrong and where, for the response body and the log.
    public let message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The HTTP status a receiver answers with.
    public var httpStatus: Int {
        code.httpStatus
    }

    /// The message.
    public var description: String {
        message
    }
}
