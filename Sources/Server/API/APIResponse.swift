internal import Foundation
public import Hummingbird
internal import NIOCore

/// Prometheus' JSON envelope: `{"status":"success","data":…}` or
/// `{"status":"error","errorType":…,"error":…}`.
public enum APIResponse {
    /// A success envelope around `data`, keys in Prometheus' order (`status` first) and object
    /// keys inside `data` sorted.
    public static func success(_ data: some Encodable & Sendable, status: HTTPResponse.Status = .ok) -> Response {
        json("{\"status\":\"success\",\"data\":\(encode(data))}", status: status)
    }

    /// An error envelope; `data` carries details such as diagnostics.
    public static func error(_ status: HTTPResponse.Status, type: APIErrorType, _ message: String, data: (some Encodable & Sendable)? = Optional<[String]>.none) -> Response {
        var text = "{\"status\":\"error\",\"errorType\":\(encode(type.rawValue)),\"error\":\(encode(message))"
        if let data { text += ",\"data\":\(encode(data))" }
        return json(text + "}", status: status)
    }

    /// A JSON body as it is.
    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A plain-text answer, as `/-/healthy` gives.
    public static func text(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()

    private static func encode(_ value: some Encodable) -> String {
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Prometheus' error types.
public enum APIErrorType: String, Sendable {
    case badData = "bad_data"
    case execution
    case internalError = "internal"
    case notFound = "not_found"
    case unavailable
    case timeout
    case canceled
    case unauthorized
}
