import Crypto
import Delivery
import Foundation
import Testing

@Suite struct WebhookSignerTests {
    typealias F = DeliveryFixtures

    @Test func reproducesTheStandardWebhooksTestVector() {
        // The example of the Standard Webhooks specification and its reference libraries.
        let key = WebhookSigner.key(fromConfigured: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        #expect(key == [UInt8](Data(base64Encoded: "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")!))
        let signature = WebhookSigner.signature(
            secret: key, id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: Array(#"{"test": 2432232314}"#.utf8))
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    @Test func aSecretWithoutThePrefixIsItsBytes() {
        #expect(WebhookSigner.key(fromConfigured: "plain secret") == Array("plain secret".utf8))
        #expect(WebhookSigner.key(fromConfigured: "whsec_!!not base64") == Array("whsec_!!not base64".utf8))
    }

    @Test func requestsCarryAlertmanagersAndStandardWebhooksHeaders() throws {
        let secret = Array("s3cr3t-key".utf8)
        let message = F.message("01J9ZQ-notification", group: "{}:{alertname=\"X\"}")
        let endpoint = WebhookEndpoint(url: "https://hooks.example/alert", bearerToken: "tok", signingSecret: secret, timeout: .seconds(3))
        let request = WebhookRequest(message: message, endpoint: endpoint, timestamp: 1_800_000_123, userAgent: "Burnrate/1.2.3")
        #expect(request.url == "https://hooks.example/alert")
        #expect(request.body == message.body)
        #expect(request.timeout == .seconds(3))
        #expect(request.header("Content-Type") == "application/json")
        #expect(request.header("User-Agent") == "Burnrate/1.2.3")
        #expect(request.header("webhook-id") == "01J9ZQ-notification")
        #expect(request.header("webhook-timestamp") == "1800000123")
        #expect(request.header("Authorization") == "Bearer tok")
        // Verified independently: the receiver's side of HMAC-SHA256 over id.timestamp.body.
        let header = try #require(request.header("webhook-signature"))
        #expect(header.hasPrefix("v1,"))
        let mac = try #require(Data(base64Encoded: String(header.dropFirst(3))))
        let signed = Data("01J9ZQ-notification.1800000123.".utf8) + Data(message.body)
        #expect(HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: signed, using: SymmetricKey(data: secret)))
        #expect(!HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: signed + Data([0x20]), using: SymmetricKey(data: secret)))
    }

    @Test func withoutASecretNoSignatureAndBasicAuthWhenConfigured() {
        let endpoint = WebhookEndpoint(url: "http://127.0.0.1/hook", basicAuth: .init(username: "alice", password: "p:w"))
        let request = WebhookRequest(message: F.message("m"), endpoint: endpoint, timestamp: 1, userAgent: "Burnrate/x")
        #expect(request.header("webhook-signature") == nil)
        #expect(request.header("webhook-id") == "m")
        #expect(request.header("authorization") == "Basic " + Data("alice:p:w".utf8).base64EncodedString())
    }
}
