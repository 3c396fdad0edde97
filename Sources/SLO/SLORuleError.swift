/// Why rules could not be generated for an SLO: a struct holding a code, so new cases can be added
/// without breaking callers.
public struct SLORuleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: Sendable, Hashable {
        /// The SLI is a Sloth plugin, which Burnrate does not run.
        case pluginSLI
        /// An alert is enabled but the SLO names no alert.
        case missingAlertName
        /// A calendar period's time zone is not a known IANA name.
        case unknownTimeZone
    }

    /// What went wrong.
    public var code: Code
    /// The SLO concerned.
    public var sloID: String
    /// A sentence for people.
    public var message: String
    /// Where the error was raised.
    public var fileID: String
    /// The line where it was raised.
    public var line: Int

    /// Creates an error.
    public init(_ code: Code, slo: String, _ message: String, fileID: String = #fileID, line: Int = #line) {
        self.code = code
        self.sloID = slo
        self.message = message
        self.fileID = fileID
        self.line = line
    }

    /// `SLO "id": message`.
    public var description: String { "SLO \"\(sloID)\": \(message)" }
}
