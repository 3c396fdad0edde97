internal import Foundation
public import Hummingbird
internal import NIOCore

/// Prometheus' JSON envelope: `{"status":"success","data":…}` or
/// `{"status":"error","errorType":…,"error":…}`.
public enum APIResponse {
    /// A success envelope around `data`.
    public static func success(_ data: some Encodable & Sendable, status: HTTPResponse.Status = .ok) -> Response {
        encode(SuccessEnvelope(data: data), status: status)
    }

    /// An error envelope; `data` carries details such as diagnostics.
    public static func error(_ status: HTTPResponse.Status, type: APIErrorType, _ message: String, data: (some Encodable & Sendable)? = Optional<[String]>.none) -> Response {
        encode(ErrorEnvelope(errorType: type.rawValue, error: message, data: data), status: status)
    }

    /// A plain-text answer, as `/-/healthy` gives.
    public static func text(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    private static func encode(_ value: some Encodable, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        let data = (try? encoder.encode(value)) ?? Data(#"{"status":"error","errorType":"internal","error":"cannot encode response"}"#.utf8)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
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
}

private struct SuccessEnvelope<Data: Encodable>: Encodable {
    let status = "success"
    let data: Data
}

private struct ErrorEnvelope<Data: Encodable>: Encodable {
    let status = "error"
    let errorType: String
    let error: String
    let data: Data?
}
