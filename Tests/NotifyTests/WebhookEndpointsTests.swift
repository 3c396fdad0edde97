import Delivery
import Notify
import Rules
import Testing

@Suite struct WebhookEndpointsTests {
    struct Missing: Error {}

    static let files: [String: String] = [
        "/etc/token": "s3cret-token\n",
        "/etc/pw": "hunter2\n",
        "/etc/whsec": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n",
        "/etc/url": "https://hooks.example/from-file\n",
    ]

    static func read(_ path: String) throws -> [UInt8] {
        guard let text = files[path] else { throw Missing() }
        return Array(text.utf8)
    }

    @Test func endpointsAreKeyedByReceiverAndIntegrationWithFilesRead() throws {
        let config = notificationConfig("""
            route: {receiver: a}
            receivers:
            - name: a
              webhook_configs:
              - url: 'https://hooks.example/a'
                signing_secret_file: /etc/whsec
                http_config: {bearer_token_file: /etc/token, tls_config: {server_name: hooks.example}}
              - url_file: /etc/url
                http_config: {basic_auth: {username: bot, password_file: /etc/pw}}
            - name: b
              webhook_configs:
              - url: 'http://hooks.example/b'
                signing_secret_file: /etc/pw
                http_config: {authorization: {credentials: inline}}
            """)
        let endpoints = try WebhookEndpoints.make(from: config, readFile: Self.read)
        #expect(endpoints.keys.map(\.description).sorted() == ["a/webhook/0", "a/webhook/1", "b/webhook/0"])
        let first = try #require(endpoints[WebhookEndpoints.key(receiver: "a", integration: "webhook/0")])
        #expect(first.url == "https://hooks.example/a")
        #expect(first.bearerToken == "s3cret-token")
        #expect(first.tls?.serverName == "hooks.example")
        #expect(first.signingSecret?.count == 24)
        let second = try #require(endpoints[WebhookEndpoints.key(receiver: "a", integration: "webhook/1")])
        #expect(second.url == "https://hooks.example/from-file")
        #expect(second.basicAuth == WebhookEndpoint.BasicAuth(username: "bot", password: "hunter2"))
        #expect(endpoints[WebhookEndpoints.key(receiver: "b", integration: "webhook/0")]?.bearerToken == "inline")
        #expect(endpoints[WebhookEndpoints.key(receiver: "b", integration: "webhook/0")]?.signingSecret == Array("hunter2".utf8))
    }

    @Test func anUnreadableFileNamesTheIntegration() {
        let config = notificationConfig("""
            route: {receiver: a}
            receivers:
            - {name: a, webhook_configs: [{url: 'http://x/', http_config: {bearer_token_file: /nope}}]}
            """)
        #expect(throws: WebhookEndpointError.self) { try WebhookEndpoints.make(from: config, readFile: Self.read) }
        do {
            _ = try WebhookEndpoints.make(from: config, readFile: Self.read)
        } catch {
            #expect(error.message.hasPrefix("receiver \"a\" webhook/0: cannot read credentials file /nope"))
        }
    }
}
