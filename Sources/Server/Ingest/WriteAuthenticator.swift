internal import Foundation
internal import Rules

/// Checks the credentials a remote-write sender presents, when the configuration asks for them.
struct WriteAuthenticator: Sendable {
    private enum Expected: Sendable {
        case none
        case bearer(String)
        case basic(username: String, password: String)
    }

    private let expected: Expected

    /// Reads the token or password file named in the configuration.
    init(_ config: IngestConfig) throws(APIError) {
        if let file = config.bearerTokenFile {
            expected = .bearer(try Self.secret(file))
        } else if let basic = config.basicAuth {
            expected = .basic(username: basic.username, password: try Self.secret(basic.passwordFile))
        } else {
            expected = .none
        }
    }

    /// Whether a request with this `Authorization` header may write.
    func allows(authorization: String?) -> Bool {
        switch expected {
        case .none:
            return true
        case .bearer(let token):
            guard let header = authorization, header.hasPrefix("Bearer ") else { return false }
            return Self.constantTimeEqual(String(header.dropFirst(7)), token)
        case .basic(let username, let password):
            guard let header = authorization, header.hasPrefix("Basic "),
                  let data = Data(base64Encoded: String(header.dropFirst(6))) else { return false }
            return Self.constantTimeEqual(String(decoding: data, as: UTF8.self), "\(username):\(password)")
        }
    }

    /// The challenge to send with a 401.
    var challenge: String? {
        switch expected {
        case .none: nil
        case .bearer: "Bearer"
        case .basic: #"Basic realm="burnrate""#
        }
    }

    private static func secret(_ file: String) throws(APIError) -> String {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw APIError.internalError("cannot read credentials file \(file)")
        }
        var text = String(decoding: data, as: UTF8.self)
        while text.last == "\n" || text.last == "\r" { text.removeLast() }
        return text
    }

    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for index in 0..<max(x.count, y.count) {
            difference |= (index < x.count ? x[index] : 0) ^ (index < y.count ? y[index] : 0)
        }
        return difference == 0
    }
}
