import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `burnrate query`: evaluates a PromQL expression on a running server and prints the result.
struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Evaluate a PromQL expression on a running Burnrate server.",
        discussion: """
            Prints one line per series: labels, value and time (seconds). --output json prints the
            server's answer as it is (Prometheus' JSON). Exit codes: 0 success, 1 the server
            refused the query, 2 usage error, 4 server unreachable.
            """
    )

    @Argument(help: "The PromQL expression.")
    var expression: String

    @Option(name: .long, help: "Evaluation time: Unix seconds or RFC 3339. Default: now.")
    var time: String?

    @Option(name: .long, help: "The server's URL.")
    var server: String = "http://127.0.0.1:9099"

    @Option(name: .long, help: "Output format: text or json.")
    var output: OutputFormat = .text

    func validate() throws {
        guard URL(string: server)?.scheme != nil else { throw ValidationError("invalid --server \"\(server)\": expected a URL such as http://127.0.0.1:9099") }
    }

    func run() async throws {
        var components = URLComponents(string: server.hasSuffix("/") ? String(server.dropLast()) : server)!
        components.path += "/api/v1/query"
        components.queryItems = [URLQueryItem(name: "query", value: expression)] + (time.map { [URLQueryItem(name: "time", value: $0)] } ?? [])
        let data: Data
        do {
            (data, _) = try await URLSession.shared.data(from: components.url!)
        } catch {
            FileHandle.standardError.write(Data("cannot reach \(server): \(error.localizedDescription)\n".utf8))
            throw ExitCode(4)
        }
        guard let answer = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            FileHandle.standardError.write(Data("\(server) did not answer with Prometheus' JSON\n".utf8))
            throw ExitCode(1)
        }
        if output == .json {
            print(String(decoding: data, as: UTF8.self))
        }
        guard answer["status"] as? String == "success", let result = answer["data"] as? [String: Any] else {
            FileHandle.standardError.write(Data("error (\(answer["errorType"] as? String ?? "unknown")): \(answer["error"] as? String ?? "")\n".utf8))
            throw ExitCode(1)
        }
        if output == .text {
            for line in Self.lines(result) { print(line) }
        }
    }

    /// The text form of a query result: `{labels} value @time`, one line per sample.
    static func lines(_ data: [String: Any]) -> [String] {
        func labels(_ metric: Any?) -> String {
            let pairs = (metric as? [String: String] ?? [:]).sorted { $0.key < $1.key }
            return "{" + pairs.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: ", ") + "}"
        }
        func point(_ pair: Any?) -> String {
            guard let pair = pair as? [Any], pair.count == 2 else { return "" }
            return "\(pair[1]) @\(pair[0])"
        }
        switch data["resultType"] as? String {
        case "vector":
            return (data["result"] as? [[String: Any]] ?? []).map { "\(labels($0["metric"])) \(point($0["value"]))" }
        case "matrix":
            return (data["result"] as? [[String: Any]] ?? []).map { series in
                "\(labels(series["metric"])) " + (series["values"] as? [Any] ?? []).map(point).joined(separator: ", ")
            }
        default:
            return [point(data["result"])]
        }
    }
}
