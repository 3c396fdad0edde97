import ArgumentParser
import Foundation

/// The options every `burnrate incidents` command shares: the server, the output format, and
/// the API token for the commands that change an incident.
struct IncidentOptions: ParsableArguments {
    enum Output: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Option(name: .long, help: "The server's URL.")
    var server: String = "http://127.0.0.1:9099"

    @Option(name: .long, help: "Output format: table or json.")
    var output: Output = .table

    @Option(name: .customLong("token-file"), help: "File holding the API token (default: $BURNRATE_API_TOKEN).")
    var tokenFile: String?

    func validate() throws {
        try ServerClient.validate(server)
    }

    /// The token from `--token-file`, else `BURNRATE_API_TOKEN`, else none.
    func token() throws -> String? {
        if let tokenFile {
            guard let data = FileManager.default.contents(atPath: tokenFile) else {
                throw ValidationError("cannot read --token-file \(tokenFile)")
            }
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return ProcessInfo.processInfo.environment["BURNRATE_API_TOKEN"]
    }

    /// The `data` of a success envelope; prints the error and exits 1 otherwise.
    func data(_ envelope: [String: Any]) throws -> [String: Any] {
        guard envelope["status"] as? String == "success", let data = envelope["data"] as? [String: Any] else {
            FileHandle.standardError.write(Data("error: \(envelope["error"] as? String ?? "unexpected answer")\n".utf8))
            throw ExitCode(1)
        }
        return data
    }
}
