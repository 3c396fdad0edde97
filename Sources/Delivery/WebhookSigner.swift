internal import Crypto
internal import Foundation

/// Standard Webhooks signatures: `webhook-signature: v1,<base64 HMAC-SHA256>` over
/// `{webhook-id}.{webhook-timestamp}.{body}` with the endpoint's secret key.
public enum WebhookSigner {
    /// The value of `webhook-signature` for message `id` sent at `timestamp` (Unix seconds).
    public static func signature(secret: [UInt8], id: String, timestamp: Int64, body: [UInt8]) -> String {
        var content = Array("\(id).\(timestamp).".utf8)
        content.append(contentsOf: body)
        let code = HMAC<SHA256>.authenticationCode(for: content, using: SymmetricKey(data: secret))
        return "v1," + Data(code).base64EncodedString()
    }

    /// The key bytes of a secret as written in the configuration: a Standard Webhooks secret
    /// (`whsec_` followed by base64) is its decoded base64 part; anything else is its UTF-8 bytes.
    public static func key(fromConfigured secret: String) -> [UInt8] {
        if secret.hasPrefix("whsec_"), let data = Data(base64Encoded: String(secret.dropFirst("whsec_".count))) {
            return [UInt8](data)
        }
        return Array(secret.utf8)
    }
}
