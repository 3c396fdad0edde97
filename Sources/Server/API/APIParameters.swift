internal import Foundation
internal import Hummingbird

/// The parameters of an API request: the URL's query and, for `POST`, a form-encoded body, as
/// Prometheus reads them (`r.FormValue`, `r.Form["match[]"]`).
struct APIParameters: Sendable {
    private var values: [(String, String)]

    /// Reads the query string and, when the body is `application/x-www-form-urlencoded`, the body.
    static func read(_ request: Request, limit: Int = 1 << 20) async throws -> APIParameters {
        var values = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
        if request.method == .post,
           request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true {
            let body = try await request.body.collect(upTo: limit)
            values += Self.decodeForm(String(buffer: body))
        }
        return APIParameters(values: values)
    }

    /// The first value of `name`.
    func get(_ name: String) -> String? { values.first { $0.0 == name }?.1 }

    /// Every value of `name` (e.g. `match[]`).
    func all(_ name: String) -> [String] { values.filter { $0.0 == name }.map(\.1) }

    /// A time parameter: Unix seconds (fractions allowed) or RFC 3339; milliseconds since the epoch.
    func time(_ name: String) throws(APIError) -> Int64? {
        guard let text = get(name), !text.isEmpty else { return nil }
        if let seconds = Double(text), seconds.isFinite {
            return Int64((seconds * 1000).rounded())
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) ?? ISO8601DateFormatter().date(from: text) {
            return Int64((date.timeIntervalSince1970 * 1000).rounded())
        }
        throw APIError.badData("invalid parameter \"\(name)\": cannot parse \"\(text)\" to a valid timestamp")
    }

    static func decodeForm(_ text: String) -> [(String, String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode: (Substring) -> String = {
                $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}

/// An API failure with Prometheus' error type and an HTTP status.
struct APIError: Error, Sendable {
    let status: HTTPResponse.Status
    let type: APIErrorType
    let message: String

    static func badData(_ message: String) -> APIError { APIError(status: .badRequest, type: .badData, message: message) }
    static func internalError(_ message: String) -> APIError { APIError(status: .internalServerError, type: .internalError, message: message) }

    var response: Response { APIResponse.error(status, type: type, message) }
}
