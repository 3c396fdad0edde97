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
                var url = webhook.url ?? ""
                if let file = webhook.urlFile { url = try text(file, "url_file", what: what, readFile: readFile) }
                var endpoint = try endpoint(url: url, http: webhook.httpConfig, what: what, readFile: readFile)
                if let file = webhook.signingSecretFile {
                    let secret = try text(file, "signing_secret_file", what: what, readFile: readFile)
                    endpoint.signingSecret = try signingSecret(secret, what: what)
                }
                result[key(receiver: receiver.name, integration: integration)] = endpoint
            }
        }
        return result
    }

    /// Every `alertmanager_configs` entry of every receiver as the endpoint alerts are posted to
    /// (`<url>/api/v2/alerts`), keyed by receiver and `alertmanager/<index>`; throws on the first
    /// file that cannot be read.
    public static func forwarding(
        from config: NotificationConfig, readFile: (String) throws -> [UInt8] = WebhookEndpoints.readFile
    ) throws(WebhookEndpointError) -> [IntegrationKey: WebhookEndpoint] {
        var result: [IntegrationKey: WebhookEndpoint] = [:]
        for receiver in config.receivers {
            for (index, forward) in receiver.alertmanagerConfigs.enumerated() {
                let integration = "alertmanager/\(index)"
                let what = "receiver \"\(receiver.name)\" \(integration)"
                var endpoint = try endpoint(url: forward.alertsURL, http: forward.httpConfig, what: what, readFile: readFile)
                endpoint.timeout = forward.timeout
                result[key(receiver: receiver.name, integration: integration)] = endpoint
            }
        }
        return result
    }

    /// An endpoint at `url` with the authentication and TLS of `http`, reading its files.
    static func endpoint(
        url: String, http: HTTPClientConfig, what: String, readFile: (String) throws -> [UInt8]
    ) throws(WebhookEndpointError) -> WebhookEndpoint {
        var endpoint = WebhookEndpoint(url: url)
        if let authorization = http.authorization {
            var credentials = authorization.credentials ?? ""
            if let file = authorization.credentialsFile { credentials = try text(file, "credentials file", what: what, readFile: readFile) }
            if authorization.type.lowercased() == "bearer" {
                endpoint.bearerToken = credentials
            } else {
                throw WebhookEndpointError("\(what): authorization type \"\(authorization.type)\" is not supported (only Bearer)")
            }
        }
        if let basic = http.basicAuth {
            var password = basic.password ?? ""
            if let file = basic.passwordFile { password = try text(file, "password_file", what: what, readFile: readFile) }
            endpoint.basicAuth = WebhookEndpoint.BasicAuth(username: basic.username, password: password)
        }
        if let tls = http.tls {
            endpoint.tls = WebhookEndpoint.TLS(
                caFile: tls.caFile, certFile: tls.certFile, keyFile: tls.keyFile, serverName: tls.serverName,
                insecureSkipVerify: tls.insecureSkipVerify)
        }
        return endpoint
    }

    /// The trimmed text of a file a setting names.
    private static func text(
        _ path: String, _ field: String, what: String, readFile: (String) throws -> [UInt8]
    ) throws(WebhookEndpointError) -> String {
        do {
            return String(decoding: try readFile(path), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw WebhookEndpointError("\(what): cannot read \(field) \(path): \(error)")
        }
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
