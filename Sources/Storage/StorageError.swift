/// An error of the storage layer: what failed (a code callers can switch on) and a message.
public struct StorageError: Error, Sendable, CustomStringConvertible {
    /// The kinds of storage failure.
    public enum Code: Sendable, Hashable {
        /// The database file cannot be created or opened.
        case cannotOpen
        /// A schema migration failed.
        case migration
        /// A read or write failed.
        case io
        /// Stored bytes (a label set, a WAL row, a chunk) do not decode.
        case corrupt
        /// An argument is invalid, such as a matcher's regular expression that does not compile.
        case invalidArgument
    }

    /// What failed.
    public let code: Code
    /// What went wrong, with the path or statement involved.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
