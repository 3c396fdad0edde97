internal import Foundation
public import Delivery
public import Rules

/// Turns the configuration's `webhook_configs` into the `WebhookEndpoint`s the deliverer uses,
/// reading the files they name (URL, bearer token, password, signing secret).
public enum WebhookEndpoints {
    /// The key of an endpoint: the receiver's name and the integration (`webhook/0`), as the
    /// `receiver` and `integration` of an `OutboxMessage` give them.
    public static func key(receiver: String, integration: String) -> IntegrationKey {
        IntegrationKey(receiver: receiver, integration: integration)
    }

    /// Every webhook of every receiver, keyed by `key(receiver:integration:)`; throws on the
    /// first file that cannot be read.
    public static func make(
        from config: NotificationConfig, readFile: (String) throws -> [UInt8] = WebhookEndpoints.readFile
    ) throws(WebhookEndpointError) -> [IntegrationKey: WebhookEndpoint] {
        var result: [IntegrationKey: WebhookEndpoint] = [:]
        for receiver in config.receivers {
            for (index, webhook) in receiver.webhookConfigs.enumerated() {
                let integration = "webhook/\(index)"
                let what = "receiver \"\(receiver.name)\" \(integration)"
                func text(_ path: String, _ field: String) throws(WebhookEndpointError) -> String {
                    do {
                        return String(decoding: try readFile(path), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                    } catch {
                        throw WebhookEndpointError("\(what): cannot read \(field) \(path): \(error)")
                    }
                }
                var url = webhook.url ?? ""
                if let file = webhook.urlFile { url = try text(file, "url_file") }
                var endpoint = WebhookEndpoint(url: url)
                let http = webhook.httpConfig
                if let authorization = http.authorization {
                    var credentials = authorization.credentials ?? ""
                    if let file = authorization.credentialsFile { credentials = try text(file, "credentials file") }
                    if authorization.type.lowercased() == "bearer" {
                        endpoint.bearerToken = credentials
                    } else {
                        throw WebhookEndpointError("\(what): authorization type \"\(authorization.type)\" is not supported (only Bearer)")
                    }
                }
                if let basic = http.basicAuth {
                    var password = basic.password ?? ""
                    if let file = basic.passwordFile { password = try text(file, "password_file") }
                    endpoint.basicAuth = WebhookEndpoint.BasicAuth(username: basic.username, password: password)
                }
                if let tls = http.tls {
                    endpoint.tls = WebhookEndpoint.TLS(
                        caFile: tls.caFile, certFile: tls.certFile, keyFile: tls.keyFile, serverName: tls.serverName,
                        insecureSkipVerify: tls.insecureSkipVerify)
                }
                if let file = webhook.signingSecretFile {
                    let secret = try text(file, "signing_secret_file")
                    endpoint.signingSecret = try signingSecret(secret, what: what)
                }
                result[key(receiver: receiver.name, integration: integration)] = endpoint
            }
        }
        return result
    }

    /// A Standard Webhooks secret: `whsec_` and base64 (decoded), or any other text (its bytes).
    static func signingSecret(_ text: String, what: String) throws(WebhookEndpointError) -> [UInt8] {
        guard text.hasPrefix("whsec_") else {
            guard !text.isEmpty else { throw WebhookEndpointError("\(what): the signing secret is empty") }
            return Array(text.utf8)
        }
        guard let data = Data(base64Encoded: String(text.dropFirst(6))), !data.isEmpty else {
            throw WebhookEndpointError("\(what): the signing secret after whsec_ is not base64")
        }
        return Array(data)
    }

    /// Reads a whole file.
    public static func readFile(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WebhookEndpointError("no such file or not readable")
        }
        return Array(data)
    }
}
