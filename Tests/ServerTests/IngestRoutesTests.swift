import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Rules
import TestSupport
import Testing

/// `POST /api/v1/write` and the read-back endpoints over HTTP (in-process, no socket).
@Suite struct IngestRoutesTests {
    /// One remote-write 1.0 body: `http_requests_total{code, job="api"}` samples.
    static func body(_ samples: [(code: String, t: Int64, v: Double)]) -> ByteBuffer {
        let series = samples.map { sample in
            (["__name__": "http_requests_total", "code": sample.code, "job": "api"], [(t: sample.t, v: sample.v)])
        }
        return ByteBuffer(bytes: (try? RemoteWriteBody.make(series)) ?? [])
    }

    static let headers: HTTPFields = [
        .contentType: "application/x-protobuf", .contentEncoding: "snappy",
    ]

    @Test func writeThenReadBack() async throws {
        var config = BurnrateConfig()
        config.ingest.keepAll = true
        let server = try await TestServer(files: [:], config: config)
        try await server.test { client in
            let samples: [(code: String, t: Int64, v: Double)] = [("200", 1_000_000, 10), ("200", 1_015_000, 12.5), ("500", 1_015_000, 1)]
            try await client.execute(uri: "/api/v1/write", method: .post, headers: Self.headers, body: Self.body(samples)) { response in
                #expect(response.status == .noContent)
            }
            try await client.execute(uri: "/api/v1/series?match[]=http_requests_total%7Bcode%3D%22500%22%7D", method: .get) { response in
                #expect(String(buffer: response.body) == #"{"status":"success","data":[{"__name__":"http_requests_total","code":"500","job":"api"}]}"#)
            }
            try await client.execute(uri: "/api/v1/labels", method: .get) { response in
                #expect(String(buffer: response.body) == #"{"status":"success","data":["__name__","code","job"]}"#)
            }
            try await client.execute(uri: "/api/v1/label/code/values", method: .get) { response in
                #expect(String(buffer: response.body) == #"{"status":"success","data":["200","500"]}"#)
            }
            try await client.execute(uri: "/api/v1/query?query=http_requests_total%7Bcode%3D%22200%22%7D%5B1m%5D&time=1020", method: .get) { response in
                #expect(String(buffer: response.body) == """
                    {"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"http_requests_total","code":"200","job":"api"},"values":[[1000,"10"],[1015,"12.5"]]}]}}
                    """)
            }
            try await client.execute(uri: "/api/v1/query?query=http_requests_total&time=1100.5", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains(#""value":[1100.5,"12.5"]"#))
                #expect(text.contains(#""value":[1100.5,"1"]"#))
            }
            // Past the 5-minute lookback there is nothing.
            try await client.execute(uri: "/api/v1/query?query=http_requests_total&time=1400", method: .get) { response in
                #expect(String(buffer: response.body) == #"{"status":"success","data":{"resultType":"vector","result":[]}}"#)
            }
            try await client.execute(uri: "/api/v1/status/ingest", method: .get) { response in
                let data = try json(response.body)["data"] as? [String: Any]
                #expect(data?["storedSamples"] as? Int == 3)
                #expect(data?["keepAll"] as? Bool == true)
            }
        }
    }

    @Test func seriesNoRuleReadsAreDroppedAndCounted() async throws {
        let server = try await TestServer(files: ["r.yml": "groups: [{name: g, rules: [{alert: A, expr: 'http_requests_total{code=\"500\"} > 0'}]}]\n"])
        try await server.test { client in
            let samples: [(code: String, t: Int64, v: Double)] = [("200", 1000, 1), ("500", 1000, 1)]
            try await client.execute(uri: "/api/v1/write", method: .post, headers: Self.headers, body: Self.body(samples)) { response in
                #expect(response.status == .noContent)
            }
            try await client.execute(uri: "/api/v1/label/code/values", method: .get) { response in
                #expect(String(buffer: response.body) == #"{"status":"success","data":["500"]}"#)
            }
            try await client.execute(uri: "/api/v1/status/ingest", method: .get) { response in
                let data = try json(response.body)["data"] as? [String: Any]
                #expect(data?["droppedSamples"] as? Int == 1)
                let metrics = data?["metrics"] as? [[String: Any]]
                #expect(metrics?.first?["metric"] as? String == "http_requests_total")
                #expect(metrics?.first?["droppedSeries"] as? Int == 1)
                #expect(data?["selectors"] as? [String] == [#"http_requests_total{code="500"}"#])
            }
        }
    }

    @Test func badRequestsGetTheirStatus() async throws {
        var config = BurnrateConfig()
        config.ingest.keepAll = true
        config.ingest.maxBodyBytes = 1024
        let server = try await TestServer(files: [:], config: config)
        try await server.test { client in
            try await client.execute(uri: "/api/v1/write", method: .post, headers: Self.headers, body: ByteBuffer(string: "not snappy")) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("snappy"))
            }
            try await client.execute(uri: "/api/v1/write", method: .post, headers: [.contentType: "text/plain"], body: Self.body([("200", 1, 1)])) { response in
                #expect(response.status == .unsupportedMediaType)
            }
            try await client.execute(uri: "/api/v1/write", method: .post, headers: Self.headers, body: ByteBuffer(repeating: 0, count: 2048)) { response in
                #expect(response.status == .contentTooLarge)
            }
            try await client.execute(uri: "/api/v1/series", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body) == #"{"status":"error","errorType":"bad_data","error":"no match[] parameter provided"}"#)
            }
            try await client.execute(uri: "/api/v1/series?match[]=rate(x%5B5m%5D)", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/api/v1/query?query=up&time=yesterday", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("cannot parse \\\"yesterday\\\" to a valid timestamp"))
            }
            try await client.execute(uri: "/api/v1/query?query=up%7B", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("parse error"))
            }
            try await client.execute(uri: "/api/v1/label/0bad/values", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func bearerAuthentication() async throws {
        let tokenFile = FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UUID().uuidString)")
        try Data("s3cret\n".utf8).write(to: tokenFile)
        var config = BurnrateConfig()
        config.ingest.keepAll = true
        config.ingest.bearerTokenFile = tokenFile.path
        let server = try await TestServer(files: [:], config: config)
        try await server.test { client in
            try await client.execute(uri: "/api/v1/write", method: .post, headers: Self.headers, body: Self.body([("200", 1, 1)])) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
            }
            var headers = Self.headers
            headers[.authorization] = "Bearer wrong"
            try await client.execute(uri: "/api/v1/write", method: .post, headers: headers, body: Self.body([("200", 1, 1)])) { response in
                #expect(response.status == .unauthorized)
            }
            headers[.authorization] = "Bearer s3cret"
            try await client.execute(uri: "/api/v1/write", method: .post, headers: headers, body: Self.body([("200", 1, 1)])) { response in
                #expect(response.status == .noContent)
            }
        }
    }

    @Test func basicAuthentication() async throws {
        let passwordFile = FileManager.default.temporaryDirectory.appendingPathComponent("password-\(UUID().uuidString)")
        try Data("pa55".utf8).write(to: passwordFile)
        var config = BurnrateConfig()
        config.ingest.keepAll = true
        config.ingest.basicAuth = IngestConfig.BasicAuth(username: "prometheus", passwordFile: passwordFile.path)
        let server = try await TestServer(files: [:], config: config)
        try await server.test { client in
            var headers = Self.headers
            headers[.authorization] = "Basic " + Data("prometheus:nope".utf8).base64EncodedString()
            try await client.execute(uri: "/api/v1/write", method: .post, headers: headers, body: Self.body([("200", 1, 1)])) { response in
                #expect(response.status == .unauthorized)
            }
            headers[.authorization] = "Basic " + Data("prometheus:pa55".utf8).base64EncodedString()
            try await client.execute(uri: "/api/v1/write", method: .post, headers: headers, body: Self.body([("200", 1, 1)])) { response in
                #expect(response.status == .noContent)
            }
        }
    }
}
