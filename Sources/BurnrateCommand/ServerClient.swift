import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// GETs JSON from a running Burnrate server for the CLI's client commands; exit 4 when the
/// server cannot be reached, 1 when it answers with something that is not its JSON.
struct ServerClient {
    let server: String

    /// Checks `--server`.
    static func validate(_ server: String) throws {
        guard URL(string: server)?.scheme != nil else {
            throw ValidationError("invalid --server \"\(server)\": expected a URL such as http://127.0.0.1:9099")
        }
    }

    /// The status, raw body and decoded envelope of `GET path?query`.
    func get(_ path: String, query: [URLQueryItem]) async throws -> (status: Int, body: Data, envelope: [String: Any]) {
        try await send(URLRequest(url: url(path, query: query)))
    }

    /// The same for `POST path` with `form` as an `application/x-www-form-urlencoded` body and,
    /// when given, `Authorization: Bearer token`.
    func post(_ path: String, form: [URLQueryItem], token: String?) async throws -> (status: Int, body: Data, envelope: [String: Any]) {
        var request = URLRequest(url: url(path, query: []))
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        var components = URLComponents()
        components.queryItems = form
        request.httpBody = Data((components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B").utf8)
        return try await send(request)
    }

    private func url(_ path: String, query: [URLQueryItem]) -> URL {
        var components = URLComponents(string: server.hasSuffix("/") ? String(server.dropLast()) : server)!
        components.path += path
        components.queryItems = query.isEmpty ? nil : query
        return components.url!
    }

    /// The status and body of `method path` with a JSON `body`, whatever the answer's shape
    /// (the silences API answers Alertmanager's shapes, not the envelope).
    func raw(_ method: String, _ path: String, query: [URLQueryItem] = [], json body: Data? = nil) async throws -> (status: Int, body: Data) {
        var request = URLRequest(url: url(path, query: query))
        request.httpMethod = method
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await exchange(request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    private func exchange(_ request: URLRequest) async throws -> (Data, URLResponse) {
        do {
            return try await URLSession.shared.data(for: request)
        } catch {
            FileHandle.standardError.write(Data("cannot reach \(server): \(error.localizedDescription)\n".utf8))
            throw ExitCode(4)
        }
    }

    private func send(_ request: URLRequest) async throws -> (status: Int, body: Data, envelope: [String: Any]) {
        let (data, response) = try await exchange(request)
        guard let envelope = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            FileHandle.standardError.write(Data("\(server) did not answer with Burnrate's JSON\n".utf8))
            throw ExitCode(1)
        }
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data, envelope)
    }
}

/// Figures as the reports print them.
enum ReportFormat {
    static func percent(_ value: Any?) -> String {
        guard let value = value as? Double else { return "-" }
        return String(format: "%.1f%%", value * 100)
    }

    static func number(_ value: Any?) -> String {
        guard let value = value as? Double else { return "-" }
        return String(format: "%.2f", value)
    }

    static func duration(_ seconds: Any?) -> String {
        guard let seconds = seconds as? Double else { return "-" }
        if seconds <= 0 { return "now" }
        if seconds < 3600 { return "\(Int(seconds / 60))m" }
        if seconds < 3 * 86_400 { return String(format: "%.1fh", seconds / 3600) }
        return String(format: "%.1fd", seconds / 86_400)
    }

    static func labels(_ value: Any?) -> String {
        let pairs = (value as? [String: String] ?? [:]).sorted { $0.key < $1.key }
        return pairs.isEmpty ? "" : "{" + pairs.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: ",") + "}"
    }

    /// Left-aligned columns separated by two spaces.
    static func table(_ rows: [[String]]) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
